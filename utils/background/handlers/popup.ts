import { storage } from 'wxt/utils/storage';
import type { Handlers } from '@/utils/background/server';
import { toWireError } from '@/utils/background/server';
import type { AuthState, HistoryRecord, Quota } from '@/utils/shared/wire';
import type { KakaoService } from '@/utils/background/kakao/service';
import { getSettings } from '@/utils/background/storage/settings-store';
import { listHistory } from '@/utils/background/storage/history';
import { getReviewProgress } from '@/utils/background/storage/review-progress';
import { quotaView } from '@/utils/background/kakao/background-kakao';
import { POPUP_CACHE } from '@/utils/shared/storage-keys';
import { PopupViewSchema, type PopupState, type PopupView } from '@/utils/shared/popup-protocol';
import type { KakaoScope } from '@/utils/shared/kakao-scopes';
import { nextSetupStep, type SetupInput } from '@/utils/shared/setup-step';

/** Where the popup's answer comes from (the Kakao service, settings, review progress, history). */
export interface PopupSources {
  authState(): Promise<AuthState>;
  settings(): Promise<NonNullable<SetupInput['settings']>>;
  reviewProgress(): Promise<NonNullable<SetupInput['reviewProgress']>>;
  recentSends(): Promise<HistoryRecord[]>;
  quota(): Promise<Quota>;
  friendsCount(refresh: boolean): Promise<number>;
  signIn(): Promise<unknown>;
  requestConsent(scopes: KakaoScope[]): Promise<unknown>;
  signOut(): Promise<unknown>;
}

export function popupSourcesFrom(kakao: KakaoService): PopupSources {
  return {
    authState: () => kakao.authState(),
    settings: () => getSettings(),
    reviewProgress: () => getReviewProgress(),
    recentSends: () => listHistory({ limit: 5 }),
    quota: () => quotaView(kakao),
    friendsCount: async (refresh) => (await kakao.friends(refresh)).totalCount,
    signIn: () => kakao.signIn(),
    requestConsent: (scopes) => kakao.requestConsent(scopes),
    signOut: () => kakao.signOut(),
  };
}

// The popup paints this on its next open before it asks anything (entrypoints/popup/main.tsx).
const cacheItem = storage.defineItem<unknown>(POPUP_CACHE.key, { fallback: {} });

async function lastView(): Promise<PopupView> {
  const parsed = PopupViewSchema.safeParse(await cacheItem.getValue().catch(() => undefined));
  return parsed.success ? parsed.data : {};
}

/**
 * The popup's view, asked of every source at once. A part that fails keeps its last known value and says
 * why; counts are only asked for a signed-in operator (and the friends count only with that consent).
 */
export async function buildPopupState(src: PopupSources, last: PopupView, refreshFriends = false): Promise<PopupState> {
  const view: PopupView = { ...last };
  const errors: PopupState['errors'] = {};
  const [auth, settings, reviewProgress, recent] = await Promise.allSettled([
    src.authState(),
    src.settings(),
    src.reviewProgress(),
    src.recentSends(),
  ]);

  if (auth.status === 'fulfilled') {
    const a = auth.value;
    view.auth = {
      configured: a.configured,
      signedIn: a.signedIn,
      nickname: a.nickname,
      pictureUrl: a.pictureUrl,
      grantedScopes: a.grantedScopes,
      missingScopes: a.missingScopes,
    };
  } else errors.auth = toWireError(auth.reason);
  if (recent.status === 'fulfilled') view.recent = recent.value.slice(0, 5);
  else errors.recent = toWireError(recent.reason);

  if (auth.status === 'fulfilled' && auth.value.signedIn) {
    const friendsAllowed = !auth.value.missingScopes.includes('friends');
    const [quota, friends] = await Promise.allSettled([
      src.quota(),
      friendsAllowed ? src.friendsCount(refreshFriends) : Promise.resolve(undefined),
    ]);
    if (quota.status === 'fulfilled') view.quota = quota.value;
    if (friends.status === 'fulfilled') view.friendsCount = friends.value;
    const failed = [quota, friends].find((r) => r.status === 'rejected');
    if (failed) errors.stats = toWireError(failed.reason);
  } else if (auth.status === 'fulfilled') {
    // Signed out: yesterday's counts belong to nobody.
    delete view.quota;
    delete view.friendsCount;
  }

  const step = nextSetupStep({
    auth: auth.status === 'fulfilled' ? auth.value : undefined,
    settings: settings.status === 'fulfilled' ? settings.value : undefined,
    reviewProgress: reviewProgress.status === 'fulfilled' ? reviewProgress.value : undefined,
  });
  // Keep the last known step when this refresh could not judge it.
  if (step !== 'unknown') view.nextStep = step;
  return { view, errors };
}

/** The popup's messages: each answers with the fresh view, which is also cached for the next open. */
export function createPopupHandlers(src: PopupSources): Handlers {
  async function answer(refreshFriends = false): Promise<PopupState> {
    const state = await buildPopupState(src, await lastView(), refreshFriends);
    // Only what the schema knows is kept (no ids, no tokens); a failed write costs the next paint, nothing else.
    await cacheItem.setValue(PopupViewSchema.parse(state.view)).catch(() => undefined);
    return state;
  }
  return {
    'popup.view': ({ refreshFriends }) => answer(refreshFriends ?? false),
    'popup.signIn': async () => {
      await src.signIn();
      return answer();
    },
    'popup.requestConsent': async ({ scopes }) => {
      await src.requestConsent(scopes);
      return answer();
    },
    'popup.signOut': async () => {
      await src.signOut();
      return answer();
    },
  };
}
