import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/messaging/client';
import type { AuthState } from '@/utils/messaging/wire';
import { nextSetupStep } from '@/utils/onboarding/setup-step';
import { describeError, type ErrorView } from '@/components/ui/localized';
import { readPopupCache, writePopupCache, type CachedAuth, type PopupCache } from './popup-cache';

const CONSENT_SCOPES = ['profile_nickname', 'friends', 'talk_message'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export function toCachedAuth(a: AuthState): CachedAuth {
  return {
    configured: a.configured,
    signedIn: a.signedIn,
    nickname: a.nickname,
    pictureUrl: a.pictureUrl,
    grantedScopes: a.grantedScopes,
    missingScopes: a.missingScopes,
  };
}

/** The scopes the grant action asks for: exactly the missing ones the protocol knows. */
export function missingConsents(auth: CachedAuth | undefined): ConsentScope[] {
  return CONSENT_SCOPES.filter((s) => auth?.missingScopes.includes(s));
}

export interface PopupErrors {
  auth?: ErrorView;
  stats?: ErrorView;
  recent?: ErrorView;
  action?: ErrorView;
}

function noBackground(): string {
  return i18n.t('popup.errorNoBackground');
}

/**
 * Popup state: paints from the display cache first, then refreshes from the background and writes the
 * cache back. Fresh answers always win over a cache read that lands late.
 */
export function usePopupState(cached?: PopupCache) {
  const [view, setView] = useState<PopupCache | undefined>(cached);
  const [errors, setErrors] = useState<PopupErrors>({});
  const [refreshing, setRefreshing] = useState(false);
  const [busy, setBusy] = useState(false);
  const latest = useRef<PopupCache>(cached ?? {});
  const fresh = useRef(new Set<string>());

  function apply(patch: PopupCache) {
    for (const k of Object.keys(patch)) fresh.current.add(k);
    latest.current = { ...latest.current, ...patch };
    setView(latest.current);
  }

  async function refresh(friendsRefresh = false): Promise<void> {
    setRefreshing(true);
    const next: PopupErrors = {};
    const [auth, settings, checklist, history] = await Promise.allSettled([
      callBackground('auth.state', {}),
      callBackground('settings.get', {}),
      callBackground('checklist.get', {}),
      callBackground('history.list', { limit: 5 }),
    ]);
    if (auth.status === 'fulfilled') apply({ auth: toCachedAuth(auth.value) });
    else next.auth = describeError(auth.reason, noBackground());
    if (history.status === 'fulfilled') apply({ recent: history.value.records.slice(0, 5) });
    else next.recent = describeError(history.reason, noBackground());

    if (auth.status === 'fulfilled' && auth.value.signedIn) {
      const friendsAllowed = !auth.value.missingScopes.includes('friends');
      const [quota, friends] = await Promise.allSettled([
        callBackground('quota.get', {}),
        friendsAllowed ? callBackground('friends.list', { refresh: friendsRefresh }) : Promise.resolve(undefined),
      ]);
      if (quota.status === 'fulfilled') apply({ quota: quota.value });
      if (friends.status === 'fulfilled' && friends.value) apply({ friendsCount: friends.value.totalCount });
      const failed = [quota, friends].find((r) => r.status === 'rejected');
      if (failed) next.stats = describeError(failed.reason, noBackground());
    }

    const step = nextSetupStep({
      auth: auth.status === 'fulfilled' ? auth.value : undefined,
      settings: settings.status === 'fulfilled' ? settings.value : undefined,
      checklist: checklist.status === 'fulfilled' ? checklist.value : undefined,
    });
    // Keep the last known step when this refresh could not judge it.
    if (step !== 'unknown') apply({ nextStep: step });
    setErrors(next);
    setRefreshing(false);
    await writePopupCache(latest.current);
  }

  useEffect(() => {
    let alive = true;
    // Given the cache up front (entrypoints/popup/main.tsx), it is already on screen.
    if (!cached) void readPopupCache().then((stored) => {
      if (!alive) return;
      // Only fill what the background has not answered yet.
      const merged: PopupCache = { ...stored };
      for (const k of fresh.current) (merged as Record<string, unknown>)[k] = (latest.current as Record<string, unknown>)[k];
      latest.current = merged;
      setView(merged);
    });
    void refresh();
    return () => {
      alive = false;
    };
  }, []);

  /** Runs an account action (sign in, grant, sign out), then refreshes everything. */
  async function act(run: () => Promise<AuthState>): Promise<void> {
    setBusy(true);
    setErrors((e) => ({ ...e, action: undefined }));
    try {
      apply({ auth: toCachedAuth(await run()) });
      await refresh();
    } catch (e) {
      setErrors((prev) => ({ ...prev, action: describeError(e, noBackground()) }));
    } finally {
      setBusy(false);
    }
  }

  return {
    view,
    errors,
    refreshing,
    busy,
    refresh,
    signIn: () => act(() => callBackground('auth.signIn', {})),
    grant: (scopes: ConsentScope[]) => act(() => callBackground('auth.requestConsent', { scopes })),
    signOut: () =>
      act(async () => {
        const a = await callBackground('auth.signOut', {});
        apply({ friendsCount: undefined, quota: undefined });
        return a;
      }),
  };
}
