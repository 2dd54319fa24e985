import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callPopupBackground } from '@/utils/pages/popup-client';
import { BackgroundError } from '@/utils/shared/background-error';
import type { CachedAuth, PopupState, PopupView } from '@/utils/shared/popup-protocol';
import { KAKAO_SCOPES, type KakaoScope } from '@/utils/shared/kakao-scopes';
import { describeError, type ErrorView } from '@/components/ui/localized';
import { afterFirstPaint } from './after-first-paint';
import { readPopupCache } from './popup-view';

/** The scopes the grant action asks for: exactly the missing ones the protocol knows. */
export function missingConsents(auth: CachedAuth | undefined): KakaoScope[] {
  return KAKAO_SCOPES.filter((s) => auth?.missingScopes.includes(s));
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

function errorsOf(state: PopupState): PopupErrors {
  const view = (w: PopupState['errors']['auth']) =>
    w ? describeError(new BackgroundError(w), noBackground()) : undefined;
  return { auth: view(state.errors.auth), stats: view(state.errors.stats), recent: view(state.errors.recent) };
}

/**
 * Popup state: paints from the cached view first, then asks the background for the fresh one (which the
 * background also caches for the next open). A fresh answer always wins over a cache read that lands late.
 */
export function usePopupState(cached?: PopupView) {
  const [view, setView] = useState<PopupView | undefined>(cached);
  const [errors, setErrors] = useState<PopupErrors>({});
  const [refreshing, setRefreshing] = useState(false);
  const [busy, setBusy] = useState(false);
  const answered = useRef(false);

  function show(state: PopupState) {
    answered.current = true;
    setView(state.view);
    setErrors(errorsOf(state));
  }

  async function refresh(refreshFriends = false): Promise<void> {
    setRefreshing(true);
    try {
      show(await callPopupBackground('popup.view', { refreshFriends }));
    } catch (e) {
      setErrors({ auth: describeError(e, noBackground()) });
    } finally {
      setRefreshing(false);
    }
  }

  useEffect(() => {
    let alive = true;
    // Given the cache up front (entrypoints/popup/main.tsx), it is already on screen.
    if (!cached)
      void readPopupCache().then((stored) => {
        if (alive && !answered.current) setView(stored);
      });
    // The background is asked once the cached view is on screen, not while that paint is being made.
    void afterFirstPaint().then(() => {
      if (alive) void refresh();
    });
    return () => {
      alive = false;
    };
  }, []);

  /** Runs an account action (sign in, grant, sign out); its answer is the fresh view. */
  async function act(run: () => Promise<PopupState>): Promise<void> {
    setBusy(true);
    setErrors((e) => ({ ...e, action: undefined }));
    try {
      show(await run());
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
    signIn: () => act(() => callPopupBackground('popup.signIn', {})),
    grant: (scopes: KakaoScope[]) => act(() => callPopupBackground('popup.requestConsent', { scopes })),
    signOut: () => act(() => callPopupBackground('popup.signOut', {})),
  };
}
