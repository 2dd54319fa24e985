import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { openCompose, setUpOperator } from '../support/setup-operator';

const KEY = 'de0de0de0de0de0de0de0de0de0de0de';
// Demo customers the operator can reach (in the friends list); the rest are not linkable.
const LINKABLE = ['김민지', '이서준', '박지우', '최예린', '정하준', '조은우', '한유나'];
// The compose window's real size for a bulk (utils/background/compose-window.ts).
const BULK = { width: 760, height: 820 };

/** The element's box lies inside the window without scrolling. */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= BULK.height && box.x + box.width <= BULK.width;
}

describe('bulk send of 12 orders with mixed eligibility (real Chrome build, demo scenario)', () => {
  let world: World;
  let emu: Emulator;
  let ext: ExtensionBrowser;
  let store: Page;
  let grid: FrameLocator;
  let compose: Page;

  beforeAll(async () => {
    world = await startWorld('demo');
    ({ emu, ext } = world);
    await setUpOperator(ext, emu, { key: KEY, userId: 1000 });
    store = await ext.context.newPage();
    await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    grid = store.frameLocator('#__delegate');
  });
  afterAll(() => world?.close());

  it('opens one compose window for the ticked rows and lists every recipient', async () => {
    await expect.poll(() => grid.getByTestId('ordertalk-notify').count(), { timeout: 10_000 }).toBe(12);
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    for (let i = 0; i < 12; i++) await boxes.nth(i).check();
    await expect.poll(() => grid.getByTestId('ordertalk-bulk').textContent()).toBe('선택 주문 카톡 알림 (12)');
    compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-bulk').click());
    await compose.setViewportSize(BULK);
    await expect.poll(() => compose.locator('article[data-order-no]').count()).toBe(12);
    // One line sums the bulk up, each count a filter; the Send bar stays in the window with 12 orders.
    const summary = compose.getByTestId('compose-summary');
    const filters = await summary
      .locator('[data-filter]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-filter'), Number(e.querySelector('strong')!.textContent)] as const),
      );
    expect(filters.map(([f]) => f)).toEqual(['ready', 'sent', 'needs-link', 'blocked']);
    expect(filters.reduce((n, [, c]) => n + c, 0)).toBe(12);
    expect(await summary.textContent()).toMatch(/^보낼 수 있음 0 · 이미 보냄 0 · 연결 필요 \d+ · 보낼 수 없음 \d+$/);
    expect(await inView(compose, 'send')).toBe(true);
    expect(await inView(compose, 'compose-summary')).toBe(true);
    const needsLink = filters.find(([f]) => f === 'needs-link')![1];
    await summary.locator('[data-filter="needs-link"]').click();
    await expect.poll(() => compose.getByTestId('order-card').count()).toBe(needsLink);
    expect(
      new Set(
        await compose.getByTestId('order-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))),
      ),
    ).toEqual(new Set(['needs-link']));
    await summary.locator('[data-filter="needs-link"]').click();
    await expect.poll(() => compose.getByTestId('order-card').count()).toBe(12);
    // Scrolled to the last card, the summary and the Send bar are still in view.
    await compose.getByTestId('order-card').last().scrollIntoViewIfNeeded();
    expect(await inView(compose, 'send')).toBe(true);
    expect(await inView(compose, 'compose-summary')).toBe(true);
  });

  it('tells two friends with the same nickname apart', async () => {
    const card = compose.locator('article', { hasText: '김민지' }).first();
    await card.getByRole('button', { name: '친구 연결' }).click();
    const twins = card.locator('[data-testid="friend-option"]', { hasText: '김민지' });
    await expect.poll(() => twins.count()).toBe(2);
    const tags = await twins.evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')));
    expect(tags[0]).toMatch(/^#[0-9A-Z]{4}$/);
    expect(tags[0]).not.toBe(tags[1]);
    expect(await twins.nth(0).textContent()).toContain(tags[0]!);
    await twins.nth(1).click();
    // The side-by-side check names the tag and warns that the name is shared.
    const compare = card.getByTestId('link-compare');
    expect(await compare.textContent()).toContain(tags[1]!);
    expect(await compare.textContent()).toContain('같은 이름의 친구가 2명이에요');
    await twins.nth(0).click();
  });

  it('links the reachable customers; the others cannot be linked', async () => {
    for (const name of LINKABLE) {
      const card = compose.locator('article', { hasText: name }).first();
      // 김민지's picker is already open (the same-nickname test above).
      if (name !== '김민지') await card.getByRole('button', { name: '친구 연결' }).click();
      await card.locator(`[data-testid="friend-option"]`, { hasText: name }).first().click();
      await card.getByTestId('link-confirm').click();
      await expect.poll(() => card.getByTestId('linked-friend').textContent()).toBe(name);
    }
    // 조은우 refuses messages: linked, but not sendable.
    const refusing = compose.locator('article', { hasText: '조은우' }).first();
    expect(await refusing.locator('[data-check="allowed-msg"]').getAttribute('data-ok')).toBe('false');
    await expect.poll(() => compose.getByTestId('send').textContent()).toBe('보내기 (6)');
    expect(await compose.locator('[data-filter="ready"] strong').textContent()).toBe('6');
  });

  it('sends the eligible ones with progress and reports each order, with -530 and quota failures', async () => {
    // 최예린 stops accepting messages after the friends list was read: Kakao answers -530 for her.
    await emu.control.patchUser(1004, { allowedMsg: false });
    await emu.control.countSent(1000, 1011, 1); // 한유나 had 19 of 20 today: now spent, Kakao answers -536
    await compose.getByTestId('consent-ack').check();
    await compose.getByTestId('send').click();
    await expect.poll(() => compose.getByTestId('bulk-report').count(), { timeout: 30_000 }).toBe(1);
    // The report takes the list's place, in view.
    expect(await inView(compose, 'report-line')).toBe(true);
    expect(await compose.getByTestId('report-line').textContent()).toMatch(/^보냄 4 · 실패 2 · /);
    const results = await compose
      .getByTestId('send-result')
      .evaluateAll((els) =>
        els.map((e) => [e.closest('article')!.querySelector('strong')!.textContent, e.getAttribute('data-status')]),
      );
    const byName = Object.fromEntries(results);
    expect(byName['김민지']).toBe('sent');
    expect(byName['최예린']).toBe('failed');
    expect(byName['한유나']).toBe('failed');
    const deliveries = await emu.control.deliveries();
    const receivers = deliveries.map((d) => d.receiverId);
    expect(new Set(receivers).size).toBe(receivers.length);
    expect(await compose.getByTestId('bulk-progress').getAttribute('value')).toBe('6');
  });

  it('a service worker killed mid-bulk sends nothing twice; cut-off sends become "결과 확인 필요"', async () => {
    await compose.getByRole('button', { name: '다시 보내기 준비' }).click();
    // Already-sent orders are left out until each is confirmed on its own card.
    await expect.poll(() => compose.getByTestId('confirm-repeat').count()).toBeGreaterThan(0);
    const repeats = await compose.getByTestId('confirm-repeat').all();
    const leftOutLabel = await compose.getByTestId('send').textContent();
    for (const box of repeats) await box.check();
    expect(await compose.getByTestId('send').textContent()).not.toBe(leftOutLabel);
    const before = (await emu.control.deliveries()).length;
    // The third request is slow: the worker dies while it is in flight (Kakao still processes it).
    await emu.control.fault({ path: '/message/default/send', kind: 'latency', ms: 2500, nth: 3 });
    await compose.getByTestId('send').click();
    await expect
      .poll(async () => (await emu.control.deliveries()).length - before, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    // Kill only once the slow third request has reached Kakao: on a loaded machine the worker could
    // otherwise die between requests, with nothing in flight to recover.
    await expect
      .poll(async () => (await emu.control.faults()).some((f) => f.kind === 'latency' && f.fired), { timeout: 10_000 })
      .toBe(true);
    const cdp = await ext.context.newCDPSession(compose);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await compose.waitForTimeout(3500);
    const afterKill = (await emu.control.deliveries()).length;
    // Waking the worker again recovers; nothing is re-sent by itself.
    const history = await ext.context.newPage();
    await history.goto(ext.extensionUrl('send-history.html'));
    await expect
      .poll(() => history.locator('tr[data-status="unknown"]').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    await history.waitForTimeout(1500);
    const deliveries = await emu.control.deliveries();
    expect(deliveries.length).toBe(afterKill);
    const perReceiver = new Map<number, number>();
    for (const d of deliveries) perReceiver.set(d.receiverId, (perReceiver.get(d.receiverId) ?? 0) + 1);
    // Two rounds at most: the first bulk and this confirmed repeat, never an automatic third.
    expect(Math.max(...perReceiver.values())).toBeLessThanOrEqual(2);
    expect(afterKill - before).toBeLessThan(6);
    await history.close();
    // The compose page reads back from the history what may have arrived, order by order.
    await expect.poll(() => compose.getByTestId('send-interrupted').count(), { timeout: 20_000 }).toBe(1);
    const states = await compose
      .getByTestId('send-result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(states).toContain('unknown');
    expect(states).not.toContain('pending');
    expect(await compose.locator('[role="alert"]').allTextContents()).not.toContainEqual(
      expect.stringContaining('알 수 없는 오류'),
    );
  });
});
