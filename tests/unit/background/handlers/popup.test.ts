import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { buildPopupState, createPopupHandlers, type PopupSources } from '@/utils/background/handlers/popup';
import { dispatch } from '@/utils/background/server';
import { POPUP_CACHE_KEY } from '@/utils/shared/popup-cache';
import type { AuthState } from '@/utils/shared/wire';
import type { PopupView } from '@/utils/shared/popup-protocol';
import { contentSender, pageSender } from './support';

const signedIn: AuthState = {
  configured: true,
  signedIn: true,
  nickname: '운영자',
  kakaoUserId: 9,
  grantedScopes: ['friends', 'talk_message'],
  missingScopes: [],
  hasClientSecret: true,
};
const refusal = { code: '-401', ko: '다시 로그인해 주세요.', en: 'Sign in again.' };

function sources(patch: Partial<PopupSources> = {}): PopupSources {
  return {
    authState: async () => signedIn,
    settings: async () => ({ kakao: { restApiKey: 'k' }, store: { name: '하늘상점', url: 'https://example.com' } }),
    reviewProgress: async () => ({ sendToMeAt: 1, teamMemberAt: 2, noticeViewedAt: 3 }),
    recentSends: async () => [],
    quota: async () => ({ day: '2026-11-30', senderLeft: 90, senderLimit: 100 }),
    friendsCount: async () => 4,
    signIn: async () => undefined,
    requestConsent: async () => undefined,
    signOut: async () => undefined,
    ...patch,
  };
}

const last: PopupView = {
  auth: { configured: true, signedIn: true, nickname: '어제', grantedScopes: [], missingScopes: [] },
  friendsCount: 2,
  quota: { day: '2026-11-29', senderLeft: 50, senderLimit: 100 },
  recent: [{ id: 'r1', createdAt: 1, orderNo: 'O1', recipientNickname: '고객', templateName: 'T', status: 'sent' }],
  nextStep: 'store',
};

describe('the popup view the background builds', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the last known value of a part that fails, and says why', async () => {
    const state = await buildPopupState(
      sources({ recentSends: () => Promise.reject(refusal), quota: () => Promise.reject(refusal) }),
      last,
    );
    expect(state.view.recent).toEqual(last.recent);
    expect(state.view.quota).toEqual(last.quota);
    expect(state.view.friendsCount).toBe(4);
    expect(state.errors).toEqual({ recent: refusal, stats: refusal });
  });

  it('keeps the last next step when a source it depends on fails', async () => {
    const state = await buildPopupState(sources({ reviewProgress: () => Promise.reject(new Error('storage')) }), last);
    expect(state.view.nextStep).toBe('store');
    expect((await buildPopupState(sources(), last)).view.nextStep).toBe('done');
  });

  it('drops counts when signed out and asks no counts of Kakao', async () => {
    const quota = vi.fn();
    const state = await buildPopupState(
      sources({ authState: async () => ({ ...signedIn, signedIn: false }), quota }),
      last,
    );
    expect(state.view).not.toHaveProperty('quota');
    expect(state.view).not.toHaveProperty('friendsCount');
    expect(state.view.nextStep).toBe('sign-in');
    expect(quota).not.toHaveBeenCalled();
  });

  it('asks for the friends count only with the friends consent, and passes the refresh on', async () => {
    const friendsCount = vi.fn(async () => 4);
    await buildPopupState(
      sources({ authState: async () => ({ ...signedIn, missingScopes: ['friends'] }), friendsCount }),
      {},
    );
    expect(friendsCount).not.toHaveBeenCalled();
    await buildPopupState(sources({ friendsCount }), {}, true);
    expect(friendsCount).toHaveBeenCalledWith(true);
  });

  it('answers every popup message with the fresh view, caches it without ids, and refuses content scripts', async () => {
    const signOut = vi.fn(async () => undefined);
    let state = signedIn;
    const handlers = createPopupHandlers(
      sources({
        authState: async () => state,
        signOut: async () => void (await signOut(), (state = { ...signedIn, signedIn: false })),
      }),
    );
    const page = pageSender();
    const content = contentSender();

    const view = await dispatch(handlers, { type: 'popup.view', input: {} }, page);
    expect(view).toMatchObject({ ok: true, value: { view: { auth: { nickname: '운영자' }, friendsCount: 4 } } });
    const cached = (await browser.storage.local.get(POPUP_CACHE_KEY))[POPUP_CACHE_KEY];
    expect(cached).toMatchObject({ auth: { nickname: '운영자' }, friendsCount: 4, nextStep: 'done' });
    expect(JSON.stringify(cached)).not.toMatch(/kakaoUserId|hasClientSecret/);

    const out = await dispatch(handlers, { type: 'popup.signOut', input: {} }, page);
    expect(signOut).toHaveBeenCalledOnce();
    expect(out).toMatchObject({ ok: true, value: { view: { auth: { signedIn: false } } } });
    expect((await browser.storage.local.get(POPUP_CACHE_KEY))[POPUP_CACHE_KEY]).not.toHaveProperty('friendsCount');

    expect(await dispatch(handlers, { type: 'popup.view', input: {} }, content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(handlers, { type: 'popup.requestConsent', input: { scopes: [] } }, page)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
