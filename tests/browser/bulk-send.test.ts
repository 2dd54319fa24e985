import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { openCompose, setUpOperator } from '../support/setup-operator';

const KEY = 'de0de0de0de0de0de0de0de0de0de0de';
// Demo customers the operator can reach (in the friends list); the rest are not linkable.
const LINKABLE = ['김민지', '이서준', '박지우', '최예린', '정하준', '조은우', '한유나'];

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
    await expect.poll(() => compose.locator('article[data-order-no]').count()).toBe(12);
  });

  it('links the reachable customers; the others cannot be linked', async () => {
    for (const name of LINKABLE) {
      const card = compose.locator('article', { hasText: name }).first();
      await card.getByRole('button', { name: '친구 연결' }).click();
      await card.locator(`[data-testid="friend-option"]`, { hasText: name }).first().click();
      await card.getByTestId('link-confirm').click();
      await expect.poll(() => card.getByTestId('linked-friend').textContent()).toBe(name);
    }
    // 조은우 refuses messages: linked, but not sendable.
    const refusing = compose.locator('article', { hasText: '조은우' }).first();
    expect(await refusing.locator('[data-check="allowed-msg"]').getAttribute('data-ok')).toBe('false');
    await expect.poll(() => compose.getByTestId('send').textContent()).toBe('보내기 (6)');
  });

  it('sends the eligible ones with progress and reports each order, with -530 and quota failures', async () => {
    // 최예린 stops accepting messages after the friends list was read: Kakao answers -530 for her.
    await emu.control.patchUser(1004, { allowedMsg: false });
    await emu.control.countSent(1000, 1011, 1); // 한유나 had 19 of 20 today: now spent, Kakao answers -536
    await compose.getByTestId('consent-ack').check();
    await compose.getByTestId('send').click();
    await expect.poll(() => compose.getByTestId('bulk-report').count(), { timeout: 30_000 }).toBe(1);
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
