import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { readPopupCache } from '@/components/popup/popup-view';
import { POPUP_CACHE_KEY } from '@/utils/shared/popup-cache';
import { callPopupBackground } from '@/utils/pages/popup-client';
import { popupProtocol, type PopupMessageType } from '@/utils/shared/popup-protocol';
import { readReply } from '@/utils/shared/reply';
import { dispatch } from '@/utils/background/server';
import { callBackground } from '@/utils/pages/background-client';
import { createPopupHandlers, type PopupSources } from '@/utils/background/handlers/popup';
import { seoulDay } from '@/utils/background/kakao/quota';
import type { HistoryRecord } from '@/utils/shared/wire';
import { callsOf, installKorean, installLanguage, scriptBackground, wireError, type Script } from '../options/support';
import { auth, settings, signedIn, KEY } from '../options/fixtures';

vi.mock('@/utils/pages/background-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/pages/background-client')>()),
  callBackground: vi.fn(),
}));
vi.mock('@/utils/pages/popup-client', () => ({ callPopupBackground: vi.fn() }));

// The popup talks to the real popup handlers (utils/background/popup-state.ts) through the real dispatch
// and reply checks; behind them, each source is one scripted background answer (scriptBackground), so a
// test reads as "the background knows this" and can count what was asked.
const sources: PopupSources = {
  authState: () => callBackground('auth.state', {}),
  settings: () => callBackground('settings.get', {}),
  reviewProgress: () => callBackground('review.get', {}),
  recentSends: async () => (await callBackground('history.list', { limit: 5 })).records,
  quota: () => callBackground('quota.get', {}),
  friendsCount: async (refresh) => (await callBackground('friends.list', { refresh })).totalCount,
  signIn: () => callBackground('auth.signIn', {}),
  requestConsent: (scopes) => callBackground('auth.requestConsent', { scopes }),
  signOut: () => callBackground('auth.signOut', {}),
};

function connectPopup() {
  const handlers = createPopupHandlers(sources);
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  vi.mocked(callPopupBackground).mockImplementation(
    async (type: PopupMessageType, input: unknown) =>
      readReply(popupProtocol[type].output, await dispatch(handlers, { type, input }, sender)) as never,
  );
}

const today = () => seoulDay(Date.now());

function record(id: string, status: HistoryRecord['status']): HistoryRecord {
  return {
    id,
    createdAt: Date.UTC(2026, 10, 24, 3),
    store: 'smartstore',
    orderNo: `O${id}`,
    productOrderNo: `P${id}`,
    recipientNickname: `고객${id}`,
    templateId: 't',
    templateName: '발송 완료',
    status,
  };
}

/** A background for a fully set-up operator. */
function ready(patch: Script = {}): Script {
  return {
    'auth.state': signedIn(),
    'settings.get': settings({
      kakao: { restApiKey: KEY },
      store: { name: '주문톡상점', url: 'https://smartstore.naver.com/ot' },
    }),
    'review.get': { sendToMeAt: 1, teamMemberAt: 2, noticeViewedAt: 3 },
    'history.list': { records: [] },
    'quota.get': { day: today(), senderLeft: 97, senderLimit: 100 },
    'friends.list': { friends: [], totalCount: 2, fetchedAt: 1 },
    ...patch,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  installKorean();
  connectPopup();
});
afterEach(cleanup);

describe('popup', () => {
  it('paints the cached operator before the background answers', async () => {
    await fakeBrowser.storage.local.set({
      popupCache: {
        auth: { configured: true, signedIn: true, nickname: '캐시운영자', grantedScopes: [], missingScopes: [] },
        friendsCount: 7,
        quota: { day: today(), senderLeft: 88, senderLimit: 100 },
        recent: [record('1', 'sent')],
        nextStep: 'done',
      },
    });
    const mock = scriptBackground({
      'auth.state': 'pending',
      'settings.get': 'pending',
      'review.get': 'pending',
      'history.list': 'pending',
    });
    const started = performance.now();
    render(<PopupApp />);
    const nickname = await screen.findByTestId('signed-in-nickname', {}, { interval: 2, timeout: 1000 });
    const elapsed = performance.now() - started;
    expect(nickname.textContent).toBe('캐시운영자');
    expect(screen.getByTestId('friends-count').textContent).toBe('7');
    expect(screen.getByTestId('quota-left').textContent).toContain('88');
    expect(screen.getByTestId('recent-sends').textContent).toContain('고객1');
    // Still waiting on the background: the paint came from the cache alone.
    await waitFor(() => expect(mock).toHaveBeenCalledWith('auth.state', {}));
    expect(callsOf('quota.get')).toHaveLength(0);
    expect(vi.mocked(callPopupBackground).mock.calls).toEqual([['popup.view', { refreshFriends: false }]]);
    expect(elapsed).toBeLessThan(250);
  });

  it('given the cache before its first render, shows it on that render (the popup entry reads it first)', () => {
    scriptBackground({
      'auth.state': 'pending',
      'settings.get': 'pending',
      'review.get': 'pending',
      'history.list': 'pending',
    });
    render(
      <PopupApp
        cached={{
          auth: { configured: true, signedIn: true, nickname: '먼저운영자', grantedScopes: [], missingScopes: [] },
          friendsCount: 3,
        }}
      />,
    );
    // No await: this is the first render.
    expect(screen.getByTestId('signed-in-nickname').textContent).toBe('먼저운영자');
    expect(screen.getByTestId('friends-count').textContent).toBe('3');
  });

  it('shows a sign-in button when signed out and signs in with it', async () => {
    const mock = scriptBackground(ready({ 'auth.state': auth(), 'auth.signIn': signedIn() }));
    render(<PopupApp />);
    const button = await screen.findByTestId('signin');
    expect(screen.queryByTestId('signed-in-nickname')).toBeNull();
    mock.mockClear();
    scriptBackground(ready({ 'auth.signIn': signedIn() }));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('signed-in-nickname').textContent).toBe('운영자'));
    expect(callsOf('auth.signIn')).toEqual([{}]);
  });

  it('signs out from the footer: the counts go and the sign-in button comes back', async () => {
    let state = signedIn();
    scriptBackground(ready({ 'auth.state': () => state, 'auth.signOut': () => (state = auth({ missingScopes: [] })) }));
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('friends-count').textContent).toBe('2'));
    fireEvent.click(screen.getByTestId('signout'));
    await screen.findByTestId('signin');
    expect(callsOf('auth.signOut')).toEqual([{}]);
    expect(screen.queryByTestId('friends-count')).toBeNull();
    expect(screen.queryByTestId('signed-in-nickname')).toBeNull();
  });

  it('grants exactly the missing consents from the chip row', async () => {
    let state = signedIn({ missingScopes: ['friends'], grantedScopes: ['profile_nickname', 'talk_message'] });
    scriptBackground(
      ready({
        'auth.state': () => state,
        'auth.requestConsent': () => (state = signedIn()),
      }),
    );
    render(<PopupApp />);
    const grant = await screen.findByTestId('consent-grant');
    expect(screen.getByTestId('consent-friends').getAttribute('data-ok')).toBe('false');
    expect(screen.getByTestId('consent-talk').getAttribute('data-ok')).toBe('true');
    // Without the friends consent there is no friends list to ask for.
    expect(callsOf('friends.list')).toHaveLength(0);
    fireEvent.click(grant);
    await waitFor(() => expect(callsOf('auth.requestConsent')).toEqual([{ scopes: ['friends'] }]));
    await waitFor(() => expect(screen.getByTestId('friends-count').textContent).toBe('2'));
    expect(screen.queryByTestId('consent-grant')).toBeNull();
  });

  it('asks for all three when none is granted', async () => {
    scriptBackground(
      ready({
        'auth.state': signedIn({ missingScopes: ['profile_nickname', 'friends', 'talk_message'], grantedScopes: [] }),
        'auth.requestConsent': signedIn(),
      }),
    );
    render(<PopupApp />);
    fireEvent.click(await screen.findByTestId('consent-grant'));
    await waitFor(() =>
      expect(callsOf('auth.requestConsent')).toEqual([{ scopes: ['profile_nickname', 'friends', 'talk_message'] }]),
    );
  });

  it("shows today's quota used and left, and refreshes the friends count on demand", async () => {
    scriptBackground(ready());
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('quota-left').textContent).toBe('97건 남음 (하루 100건)'));
    expect(screen.getByTestId('quota-used').textContent).toBe('3건 보냄');
    expect(screen.getByTestId('friends-count').textContent).toBe('2');
    expect(callsOf('friends.list')).toEqual([{ refresh: false }]);
    fireEvent.click(screen.getByTestId('friends-refresh'));
    await waitFor(() => expect(callsOf('friends.list')).toEqual([{ refresh: false }, { refresh: true }]));
  });

  it('treats a quota cached on an earlier day as reset', async () => {
    await fakeBrowser.storage.local.set({
      popupCache: { auth: signedIn(), quota: { day: '2000-01-01', senderLeft: 3, senderLimit: 100 } },
    });
    scriptBackground({
      'auth.state': 'pending',
      'settings.get': 'pending',
      'review.get': 'pending',
      'history.list': 'pending',
    });
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('quota-left').textContent).toBe('100건 남음 (하루 100건)'));
  });

  it('lists the last five sends with Korean status names', async () => {
    const records = [
      record('1', 'sent'),
      record('2', 'failed'),
      record('3', 'unknown'),
      record('4', 'pending'),
      record('5', 'skipped'),
    ];
    scriptBackground(ready({ 'history.list': { records } }));
    render(<PopupApp />);
    const list = await screen.findByTestId('recent-sends');
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(5);
    ['보냄', '실패', '결과 확인 필요', '보내는 중', '건너뜀'].forEach((label, i) => expect(items[i]).toContain(label));
    expect(callsOf('history.list')).toEqual([{ limit: 5 }]);
  });

  it('writes the display cache back without tokens or ids it does not need', async () => {
    scriptBackground(ready({ 'history.list': { records: [record('9', 'sent')] } }));
    render(<PopupApp />);
    await waitFor(async () => expect((await readPopupCache()).quota?.senderLeft).toBe(97));
    const raw = (await fakeBrowser.storage.local.get(POPUP_CACHE_KEY))[POPUP_CACHE_KEY] as Record<string, unknown>;
    expect(raw).toMatchObject({ auth: { nickname: '운영자', signedIn: true }, friendsCount: 2, nextStep: 'done' });
    const text = JSON.stringify(raw);
    expect(text).not.toContain('kakaoUserId');
    expect(text).not.toContain('hasClientSecret');
    expect(text).not.toMatch(/token/i);
  });

  it('shows the next setup step while setup is incomplete', async () => {
    scriptBackground(
      ready({ 'auth.state': auth({ configured: false, missingScopes: [] }), 'settings.get': settings() }),
    );
    render(<PopupApp />);
    const card = await screen.findByTestId('setup-next');
    expect(card.getAttribute('data-step')).toBe('rest-key');
    expect(card.textContent).toContain('REST API 키');
    expect(screen.queryByTestId('signin')).toBeNull();
  });

  it("explains the background's error in Korean instead of going blank", async () => {
    scriptBackground(
      ready({
        'auth.state': wireError('network', '카카오 서버에 연결할 수 없어요.', {
          fixKo: '인터넷 연결을 확인해 주세요.',
        }),
      }),
    );
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByTestId('popup-status').textContent).toBe(
        '카카오 서버에 연결할 수 없어요. 인터넷 연결을 확인해 주세요.',
      ),
    );
    expect(screen.getByTestId('popup-title').textContent).toBe('OrderTalk 주문톡');
  });

  it('says the extension is not answering when there is no background at all', async () => {
    vi.mocked(callPopupBackground).mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByTestId('popup-status').textContent).toContain('확장 프로그램이 응답하지 않아요'),
    );
    expect(document.body.textContent).not.toContain('Receiving end');
  });

  it('speaks English when the browser UI is English, including background errors', async () => {
    installLanguage('en');
    scriptBackground(
      ready({
        'auth.state': wireError('network', '카카오 서버에 연결할 수 없어요.', {
          en: 'Cannot reach Kakao.',
          fixEn: 'Check the connection.',
        }),
      }),
    );
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByTestId('popup-status').textContent).toBe('Cannot reach Kakao. Check the connection.'),
    );
    expect(screen.getByTestId('popup-title').textContent).toBe('OrderTalk');
    expect(screen.getByTestId('open-options').textContent).toBe('Settings');
  });
});
