import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeApp } from '@/components/compose/ComposeApp';
import { callsOf, installKorean, scriptBackground } from '../options/support';
import { item, order, prepared, session, SESSION, type Prepared } from './compose-fixtures';

vi.mock('@/utils/pages/background-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/pages/background-client')>()),
  callBackground: vi.fn(),
}));

const card = (no: string) => document.querySelector<HTMLElement>(`[data-testid="order-card"][data-order-no="${no}"]`)!;
const stateOf = (no: string) => card(no)?.getAttribute('data-state');

function open(p: Prepared | (() => Prepared), acknowledged = true) {
  const orders = (typeof p === 'function' ? p() : p).items.map((i) => i.order);
  const mock = scriptBackground({
    'compose.session': session(orders, acknowledged),
    'compose.prepare': typeof p === 'function' ? () => p() : p,
    'compose.suggest': {
      friends: [
        { uuid: 'u-1', nickname: '김하늘', score: 0.2, tag: '#K1H2' },
        { uuid: 'u-2', nickname: '박바다', score: 0, tag: '#P3B4' },
      ],
      noMatch: true,
    },
  });
  render(<ComposeApp sessionId={SESSION} />);
  return mock;
}

describe('compose window, one order', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installKorean();
    document.hasFocus = () => true;
  });
  afterEach(cleanup);

  it('ready: one card, passed checks folded into one line, Send active after the focus delay', async () => {
    const o = order(0);
    open(prepared([item(o)]));
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('ready'));
    expect(screen.getByTestId('checks-passed').textContent).toMatch(/^✓ 확인 \d+개$/);
    expect(card(o.productOrderNo).querySelectorAll('.cp-problems li')).toHaveLength(0);
    expect(screen.getByTestId('order-channel').textContent).toContain('카카오톡 친구 메시지');
    expect(screen.getByTestId('preview-sender-name').textContent).toBe('하늘상점 사장님');
    expect(screen.getByTestId('preview-link-host').textContent).toBe('누르면 열리는 곳: smartstore.naver.com');
    const send = (await screen.findByTestId('send')) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await waitFor(() => expect(send.disabled).toBe(false), { timeout: 2000 });
    expect(send.textContent).toBe('보내기 (1)');
  });

  it('needs a link: says nobody is alike above the list, with the customer guide link', async () => {
    const o = order(0);
    open(prepared([item(o, { linked: false, friend: undefined })]));
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('needs-link'));
    const noMatch = await screen.findByTestId('friend-no-match');
    expect(noMatch.textContent).toContain('김민지와 비슷한 이름의 카카오톡 친구가 없어요.');
    expect(within(noMatch).getByTestId('copy-guide').textContent).toBe('고객 안내 페이지 링크 복사');
    // The no-match notice comes before the list in the page.
    const list = document.querySelector('.cp-friends')!;
    expect(noMatch.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The problem names what is missing, not "✕ linked".
    expect(card(o.productOrderNo).querySelector('[data-check="linked"] strong')!.textContent).toBe(
      '받는 사람이 정해지지 않았어요',
    );
    expect(card(o.productOrderNo).querySelector('[data-check="allowed-msg"]')).toBeNull();
    fireEvent.click((await screen.findAllByTestId('friend-option'))[0]!);
    expect(screen.getByTestId('link-compare').textContent).toContain('김민지');
    expect(screen.getByTestId('link-confirm').textContent).toBe('김민지 고객을 김하늘로 연결');
  });

  it('blocked: the failing check reads as the problem with its cause', async () => {
    const o = order(0);
    open(prepared([item(o, { friend: { allowedMsg: false } })]));
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('blocked'));
    const problem = card(o.productOrderNo).querySelector('[data-check="allowed-msg"]')!;
    expect(problem.querySelector('strong')!.textContent).toBe('고객이 메시지 수신을 거부했어요');
    expect(problem.textContent).toContain('다른 방법으로 연락해 주세요');
    expect((screen.getByTestId('send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a missing tracking number says to register the shipment first', async () => {
    const o = order(0);
    open(
      prepared([
        item(o, {
          renderProblems: [
            { code: 'missing-variable', ko: '{택배사} 값이 주문에 없어요.', en: '' },
            { code: 'missing-variable', ko: '{송장번호} 값이 주문에 없어요.', en: '' },
          ],
        }),
      ]),
    );
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('blocked'));
    const problems = card(o.productOrderNo).querySelectorAll('.cp-problems li');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.textContent).toContain('발송 처리(택배사와 송장번호 입력)를');
  });

  it('sent: says so, and sends again only after its own named choice', async () => {
    const o = order(0);
    open(
      prepared([
        item(o, { alreadySent: true }, { lastSent: { at: Date.now(), templateName: '주문 확인', status: 'sent' } }),
      ]),
    );
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('sent'));
    expect(screen.getByTestId('last-sent').textContent).toContain('이미 보냈어요');
    // "Already sent" is the card's state, not a red problem.
    expect(card(o.productOrderNo).querySelectorAll('.cp-problems li')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('send').getAttribute('data-active')).toBe('true'), { timeout: 2000 });
    expect((screen.getByTestId('send') as HTMLButtonElement).disabled).toBe(true);
    const repeat = screen.getByTestId('confirm-repeat') as HTMLInputElement;
    expect(repeat.parentElement!.textContent).toBe(`${o.productOrderNo} 다시 보내기`);
    fireEvent.click(repeat);
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('ready'));
    expect((screen.getByTestId('send') as HTMLButtonElement).disabled).toBe(false);
  });

  it('unknown: an earlier send that may have arrived', async () => {
    const o = order(0);
    open(
      prepared([
        item(o, { alreadySent: true }, { lastSent: { at: Date.now(), templateName: '주문 확인', status: 'unknown' } }),
      ]),
    );
    await waitFor(() => expect(stateOf(o.productOrderNo)).toBe('unknown'));
  });

  it('signed out: one banner with its one action; the cards do not repeat it', async () => {
    const o = order(0);
    open(
      prepared([item(o, { signedIn: false, grantedScopes: [], friend: undefined })], {
        auth: { configured: true, signedIn: false, missingScopes: ['friends', 'talk_message'] },
        sender: undefined,
      }),
    );
    const banner = await screen.findByTestId('compose-banner');
    expect(screen.getAllByTestId('compose-banner')).toHaveLength(1);
    expect(banner.getAttribute('data-reason')).toBe('signed-out');
    expect(within(banner).getByRole('button').textContent).toBe('카카오로 로그인');
    expect(card(o.productOrderNo).querySelector('.cp-problems [data-check="signed-in"]')).toBeNull();
    expect(card(o.productOrderNo).querySelector('.cp-problems [data-check^="consent"]')).toBeNull();
    expect(card(o.productOrderNo).querySelector('[data-check="in-friends-list"]')).toBeNull();
    expect(screen.getByTestId('preview-sender').textContent).toContain('로그인하면');
  });

  it.each([
    [{ configured: false, signedIn: false, missingScopes: [] }, undefined, 'not-configured', '설정 열기'],
    [{ configured: true, signedIn: true, missingScopes: ['talk_message'] }, undefined, 'consent', '동의하기'],
    [{ configured: true, signedIn: true, missingScopes: [] }, { name: '', url: '' }, 'store-setup', '설정 열기'],
  ] as const)('whole-window state %o → banner %s', async (auth, store, reason, action) => {
    open(
      prepared([item(order(0))], {
        auth: { ...auth, missingScopes: [...auth.missingScopes] },
        ...(store && { store }),
      }),
    );
    const banner = await screen.findByTestId('compose-banner');
    expect(banner.getAttribute('data-reason')).toBe(reason);
    expect(within(banner).getByRole('button').textContent).toBe(action);
  });

  it('a settings change while open makes the preview again and says so', async () => {
    const o = order(0);
    let name = '하늘상점';
    open(() => {
      const p = prepared([item(o)]);
      p.items[0]!.preview!.text = `${o.buyerName}님, ${name}입니다.`;
      return p;
    });
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toContain('하늘상점입니다'));
    name = '하늘상점 본점';
    await fakeBrowser.storage.local.set({ settings: { store: { name } } });
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toContain('하늘상점 본점입니다'));
    expect(screen.getByTestId('preview-changed').textContent).toContain('미리보기를 새로 만들었어요');
  });

  it('refuses the click and shows the new preview when it changed between preview and Send', async () => {
    const o = order(0);
    let name = '하늘상점';
    const mock = open(() => {
      const p = prepared([item(o)]);
      p.items[0]!.preview!.text = `${o.buyerName}님, ${name}입니다.`;
      return p;
    });
    const send = (await screen.findByTestId('send')) as HTMLButtonElement;
    await waitFor(() => expect(send.disabled).toBe(false), { timeout: 2000 });
    name = '하늘상점 본점';
    // A trusted click (the component ignores synthetic ones): happy-dom lets the test mark it so.
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    send.dispatchEvent(click);
    await waitFor(() => expect(screen.getByTestId('preview-changed')).toBeTruthy());
    expect(screen.getByTestId('preview').textContent).toContain('하늘상점 본점입니다');
    expect(callsOf('send.orders')).toHaveLength(0);
    void mock;
  });
});

describe('linking and unlinking', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installKorean();
    document.hasFocus = () => true;
  });
  afterEach(cleanup);

  it('unlinking first says what it affects, and only the confirm removes the link', async () => {
    const a = order(0);
    const b = order(6, { buyerName: '김민지' }); // the same customer, a second order in this window
    const p = prepared([item(a), item(b)]);
    const mock = open(p);
    mock.mockImplementation((async (type: string) => {
      if (type === 'compose.session') return session([a, b]);
      if (type === 'compose.prepare') return structuredClone(p);
      if (type === 'link.remove') return { ok: true };
      throw new Error(type);
    }) as never);
    await waitFor(() => expect(stateOf(a.productOrderNo)).toBe('ready'));
    fireEvent.click(within(card(a.productOrderNo)).getByTestId('unlink'));
    const box = within(card(a.productOrderNo)).getByTestId('unlink-confirm-box');
    expect(box.textContent).toContain('김민지 고객과 김민지와의 연결을 풀까요?');
    expect(box.textContent).toContain('이 창에서 2건');
    expect(box.textContent).toContain('보낸 기록은 그대로 남아요');
    expect(callsOf('link.remove')).toHaveLength(0);
    fireEvent.click(within(box).getByTestId('unlink-confirm'));
    await waitFor(() => expect(callsOf('link.remove')).toHaveLength(1));
  });

  it('same-nickname friends carry their tag, and the confirm step warns that the name is shared', async () => {
    const o = order(0);
    scriptBackground({
      'compose.session': session([o]),
      'compose.prepare': prepared([item(o, { linked: false, friend: undefined })]),
      'compose.suggest': {
        friends: [
          { uuid: 'u-1', nickname: '김민지', score: 1, tag: '#K1M1', favorite: true },
          { uuid: 'u-2', nickname: '김민지', score: 1, tag: '#Q7Z2' },
        ],
        noMatch: false,
      },
    });
    render(<ComposeApp sessionId={SESSION} />);
    const options = await screen.findAllByTestId('friend-option');
    expect(screen.queryByTestId('friend-no-match')).toBeNull();
    expect(options.map((o) => o.getAttribute('data-tag'))).toEqual(['#K1M1', '#Q7Z2']);
    expect(options[0]!.textContent).toContain('★');
    expect(options[1]!.textContent).not.toContain('★');
    fireEvent.click(options[1]!);
    const compare = screen.getByTestId('link-compare');
    expect(compare.textContent).toContain('#Q7Z2');
    expect(compare.textContent).toContain('같은 이름의 친구가 2명이에요');
  });
});

describe('compose window, bulk', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installKorean();
    document.hasFocus = () => true;
  });
  afterEach(cleanup);

  const bulk = () =>
    prepared([
      item(order(0)),
      item(order(1)),
      item(order(2), { alreadySent: true }, { lastSent: { at: 1, templateName: '주문 확인', status: 'sent' } }),
      item(order(3), { linked: false, friend: undefined }),
      item(order(4), { friend: { allowedMsg: false } }),
      item(order(5), { alreadySent: true }, { lastSent: { at: 1, templateName: '주문 확인', status: 'unknown' } }),
    ]);

  it('sums the bulk up in one line, each count a filter', async () => {
    open(bulk());
    const summary = await screen.findByTestId('compose-summary');
    await waitFor(() => expect(document.querySelectorAll('[data-testid="order-card"]')).toHaveLength(6));
    expect(summary.textContent).toBe('보낼 수 있음 2 · 이미 보냄 1 · 연결 필요 1 · 보낼 수 없음 1 · 결과 확인 필요 1');
    fireEvent.click(summary.querySelector('[data-filter="ready"]')!);
    await waitFor(() => expect(document.querySelectorAll('[data-testid="order-card"]')).toHaveLength(2));
    expect(summary.querySelector('[data-filter="ready"]')!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(summary.querySelector('[data-filter="ready"]')!);
    await waitFor(() => expect(document.querySelectorAll('[data-testid="order-card"]')).toHaveLength(6));
    expect(screen.getByTestId('send').textContent).toBe('보내기 (2)');
    // The sent one and the one that may have arrived are both left out until picked on their own card.
    expect(screen.getByTestId('left-out').textContent).toContain('2건');
  });

  it('after Send, the report takes the list’s place with a result on every card', async () => {
    const p = bulk();
    const mock = open(p);
    mock.mockImplementation((async (type: string) => {
      if (type === 'compose.session') return session(p.items.map((i) => i.order));
      if (type === 'compose.prepare') return structuredClone(p);
      if (type === 'send.progress') return { total: 2, done: 1, results: [] };
      if (type === 'quota.get') return p.quota;
      if (type === 'send.orders')
        return {
          results: [
            { productOrderNo: p.items[0]!.order.productOrderNo, status: 'sent' },
            {
              productOrderNo: p.items[1]!.order.productOrderNo,
              status: 'failed',
              error: { code: '-530', ko: '메시지를 받지 않는 고객이에요.', en: 'Refuses.' },
            },
          ],
        };
      throw new Error(type);
    }) as never);
    const send = (await screen.findByTestId('send')) as HTMLButtonElement;
    await waitFor(() => expect(send.disabled).toBe(false), { timeout: 2000 });
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    send.dispatchEvent(click);
    const report = await screen.findByTestId('bulk-report');
    expect(screen.queryByTestId('compose-summary')).toBeNull();
    expect(screen.getByTestId('report-line').textContent).toBe('보냄 1 · 실패 1 · 결과 확인 필요 0 · 보내지 않음 4');
    const results = within(report).getAllByTestId('send-result');
    expect(results.map((r) => r.getAttribute('data-status'))).toEqual(['sent', 'failed']);
    expect(stateOf(p.items[0]!.order.productOrderNo)).toBe('sent');
    expect(screen.getByRole('button', { name: '다시 보내기 준비' })).toBeTruthy();
  });
});
