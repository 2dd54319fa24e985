import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { ReviewProgress } from '@/utils/shared/wire';
import { callsOf, installKorean, scriptBackground, wireError, type Script } from './support';
import { auth, KEY, settings, signedIn } from './fixtures';

vi.mock('@/utils/pages/background-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/pages/background-client')>()),
  callBackground: vi.fn(),
}));

const STORE = { name: '주문톡상점', url: 'https://smartstore.naver.com/ot', linkDomains: ['smartstore.naver.com'] };

/** Set up up to the tests; each test opens plain sections so every step is on the page. */
function base(patch: Script = {}, progress: ReviewProgress = {}): Script {
  let list = { ...progress };
  return {
    'settings.get': settings({ kakao: { restApiKey: KEY }, store: STORE }),
    'auth.state': signedIn(),
    'review.get': () => list,
    'review.mark': ({ step, done }) => {
      const next: Record<string, number> = { ...list, [step]: 1_764_000_000_000 };
      if (done === false) delete next[step];
      return (list = next);
    },
    ...patch,
  };
}

async function openSections() {
  await fakeBrowser.storage.local.set({ optionsView: 'sections' });
  render(<OptionsApp />);
  await screen.findByTestId('sections');
}

beforeEach(() => {
  fakeBrowser.reset();
  installKorean();
});
afterEach(cleanup);

describe('options: test step', () => {
  it('sends a test message to myself and shows when it passed', async () => {
    let sent = false;
    scriptBackground(
      base({
        'send.toMe': () => ((sent = true), { ok: true }),
        'review.get': () => (sent ? { sendToMeAt: 1_764_000_000_000 } : {}),
      }),
    );
    await openSections();
    expect(screen.queryByTestId('send-to-me-passed')).toBeNull();
    fireEvent.click(screen.getByTestId('send-to-me'));
    await screen.findByTestId('send-to-me-passed');
    expect(callsOf('send.toMe')).toEqual([{}]);
    expect(screen.getByTestId('send-to-me-status').textContent).toContain('나와의 채팅');
  });

  it('explains a failed test send', async () => {
    scriptBackground(
      base({
        'send.toMe': wireError('-501', '카카오톡을 사용하지 않는 계정이에요.', {
          fixKo: '카카오톡에 연결된 카카오계정으로 로그인해 주세요.',
        }),
      }),
    );
    await openSections();
    fireEvent.click(screen.getByTestId('send-to-me'));
    await waitFor(() =>
      expect(screen.getByTestId('send-to-me-status').textContent).toBe(
        '카카오톡을 사용하지 않는 계정이에요. 카카오톡에 연결된 카카오계정으로 로그인해 주세요.',
      ),
    );
  });

  it('needs sign-in before any test', async () => {
    scriptBackground(base({ 'auth.state': auth() }));
    await openSections();
    expect((screen.getByTestId('send-to-me') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('friends-load') as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists friends for the team-member test and records the confirmation', async () => {
    scriptBackground(
      base({
        'friends.list': {
          friends: [
            { uuid: 'u1', nickname: '팀원', allowedMsg: true },
            { uuid: 'u2', nickname: '거부친구', allowedMsg: false },
          ],
          totalCount: 2,
          fetchedAt: 1,
        },
      }),
    );
    await openSections();
    fireEvent.click(screen.getByTestId('friends-load'));
    const list = await screen.findByTestId('friends-list');
    expect(callsOf('friends.list')).toEqual([{ refresh: true }]);
    expect(list.textContent).toContain('팀원');
    expect(list.textContent).toContain('메시지 수신 거부');
    fireEvent.click(screen.getByTestId('team-member-confirm'));
    await screen.findByTestId('team-member-passed');
    expect(callsOf('review.mark')).toEqual([{ step: 'teamMemberAt' }]);
  });

  it('explains an empty friends list', async () => {
    scriptBackground(base({ 'friends.list': { friends: [], totalCount: 0, fetchedAt: 1 } }));
    await openSections();
    fireEvent.click(screen.getByTestId('friends-load'));
    expect((await screen.findByTestId('friends-empty')).textContent).toContain('팀원만');
  });
});

describe('options: customer notice step', () => {
  it('offers the notice with the store name filled in, ready to copy', async () => {
    scriptBackground(base());
    await openSections();
    const notice = screen.getByTestId('customer-notice');
    expect(notice.textContent).toContain('[주문톡상점 카카오톡 주문 알림 안내]');
    expect(notice.textContent).toContain('그만 받으려면');
    expect(screen.getByTestId('customer-notice-copy')).toBeTruthy();
  });

  it('downloads the opt-in page as one HTML file', async () => {
    scriptBackground(
      base({ 'settings.get': settings({ kakao: { restApiKey: KEY }, store: { ...STORE, name: '<b>상점</b>' } }) }),
    );
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:optin';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await openSections();
    fireEvent.change(screen.getByTestId('optin-form'), { target: { value: 'static' } }); // the Worker is the default
    fireEvent.input(screen.getByTestId('optin-js-key'), { target: { value: 'zz' } });
    await waitFor(() => expect((screen.getByTestId('optin-download') as HTMLButtonElement).disabled).toBe(true));
    fireEvent.input(screen.getByTestId('optin-js-key'), { target: { value: KEY } });
    await waitFor(() => expect((screen.getByTestId('optin-download') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('optin-download'));
    expect(create).toHaveBeenCalledOnce();
    expect(clicks).toEqual(['ordertalk-kakao-optin.html']);
    const html = await blobs[0]!.text();
    expect(blobs[0]!.type).toContain('text/html');
    expect(html).toContain('&lt;b&gt;상점&lt;/b&gt;');
    expect(html).not.toContain('<b>상점');
    expect(html).toContain('var SCOPE = "friends"'); // receivers consent to friends only (#14)
    expect(html).not.toContain('talk_message');
    expect(html).toContain(`var JS_KEY = "${KEY}"`);
  });

  it('shows the screenshot-ready view and records it', async () => {
    scriptBackground(base());
    await openSections();
    fireEvent.click(screen.getByTestId('notice-screenshot'));
    const frame = (await screen.findByTestId('notice-screenshot-view')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('주문톡상점 카카오톡 주문 알림 안내');
    expect(frame.getAttribute('srcdoc')).not.toContain('<script');
    await screen.findByTestId('notice-viewed');
    expect(callsOf('review.mark')).toEqual([{ step: 'noticeViewedAt' }]);
  });
});

describe('options: review checklist', () => {
  it('mirrors Kakao’s items with their state', async () => {
    scriptBackground(base({}, { teamMemberAt: 1_764_000_000_000 }));
    await openSections();
    const state = (id: string) => screen.getByTestId(`review-item-${id}`).getAttribute('data-done');
    expect(state('biz-app')).toBe('false');
    expect(state('app-identity')).toBe('false');
    expect(state('kakao-login')).toBe('true');
    expect(state('link-domain')).toBe('true');
    expect(state('opt-in-page')).toBe('false');
    expect(state('team-member')).toBe('true');
    expect(state('notice')).toBe('false');
    expect(screen.getByTestId('review-progress').textContent).toBe('7개 중 3개 준비됨');
  });

  it('keeps operator-confirmed ticks', async () => {
    scriptBackground(base());
    await openSections();
    fireEvent.click(screen.getByTestId('review-tick-biz-app'));
    await waitFor(() => expect(screen.getByTestId('review-item-biz-app').getAttribute('data-done')).toBe('true'));
    // Kept by the background with the rest of the review progress, not by the page.
    expect(callsOf('review.mark')).toEqual([{ step: 'bizAppAt', done: true }]);
    fireEvent.click(screen.getByTestId('review-tick-biz-app'));
    await waitFor(() => expect(screen.getByTestId('review-item-biz-app').getAttribute('data-done')).toBe('false'));
    expect(callsOf('review.mark')).toEqual([
      { step: 'bizAppAt', done: true },
      { step: 'bizAppAt', done: false },
    ]);
  });

  it('takes the operator to the step that completes an item', async () => {
    scriptBackground(base());
    await openSections();
    fireEvent.click(screen.getByTestId('review-goto-notice'));
    await waitFor(() => expect(document.activeElement?.id).toBe('section-notice-h'));
  });

  it('offers the purpose and scenario text for the application form', async () => {
    scriptBackground(base());
    await openSections();
    expect(screen.getByTestId('review-purpose').textContent).toContain('주문톡상점은');
    expect(screen.getByTestId('review-scenario').textContent).toContain('https://smartstore.naver.com/ot');
  });
});
