import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { openCompose, setUpOperator } from '../support/setup-operator';

// Badges on the real TOAST UI Grid stay true: in every open order tab as soon as a link or a send changes a
// status (the background tells the tabs), and after a reload where the page's GraphQL data (the buyer id)
// comes well after the rows (`late`).
describe('row badges after a link, a send and a reload (real Chrome build, emulated Kakao)', () => {
  let world: World;
  let emu: Emulator;
  let ext: ExtensionBrowser;
  let shell: Page;
  let direct: Page;
  const firstBadge = (p: Page) => {
    const frame = p.frames().find((f) => f.url().includes('/o/v3/'));
    return frame ? frame.getByTestId('ordertalk-status').first().textContent() : Promise.resolve(null);
  };

  beforeAll(async () => {
    world = await startWorld('basic');
    ({ emu, ext } = world);
    await setUpOperator(ext, emu, { key: '0123456789abcdef0123456789abcdef', userId: 1 });
    shell = await ext.context.newPage();
    await shell.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    direct = await ext.context.newPage();
    await direct.goto('https://sell.smartstore.naver.com/o/v3/manage/order?late=1500');
  });
  afterAll(() => world?.close());

  it('turns 친구 연결 필요 into 연결됨 in both open tabs when compose links the customer, and keeps it after a reload', async () => {
    for (const p of [shell, direct]) await expect.poll(() => firstBadge(p), { timeout: 10_000 }).toBe('친구 연결 필요');
    const grid = shell.frameLocator('#__delegate');
    const compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-notify').first().click());
    await expect.poll(() => compose.getByTestId('friend-option').first().textContent()).toContain('김하늘');
    await compose.getByTestId('friend-option').first().click();
    await compose.getByTestId('link-confirm').click();
    await expect.poll(() => compose.getByTestId('linked-friend').textContent()).toBe('김하늘');
    // No reload: the background told the tabs.
    for (const p of [shell, direct]) await expect.poll(() => firstBadge(p), { timeout: 10_000 }).toBe('연결됨');
    await direct.reload();
    await expect.poll(() => firstBadge(direct), { timeout: 10_000 }).toBe('연결됨');

    await compose.getByTestId('consent-ack').check();
    await compose.getByTestId('send').click();
    await expect
      .poll(() => compose.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('sent');
    for (const p of [shell, direct]) await expect.poll(() => firstBadge(p), { timeout: 10_000 }).toBe('보냄 ✓');
    await shell.reload();
    await direct.reload();
    for (const p of [shell, direct]) await expect.poll(() => firstBadge(p), { timeout: 10_000 }).toBe('보냄 ✓');
    await compose.close();
  });

  it('shows 결과 확인 필요 for a send whose outcome is unknown and 수신 불가 for a friend who refuses messages, after a reload', async () => {
    const grid = shell.frameLocator('#__delegate');
    const badge = (no: string) => grid.locator(`ordertalk-row[data-key="${no}"]`).getByTestId('ordertalk-status');
    const link = async (no: string, friend: string) => {
      const compose = await openCompose(ext.context, () =>
        grid.locator(`ordertalk-row[data-key="${no}"]`).getByTestId('ordertalk-notify').click(),
      );
      await compose.getByTestId('friend-search').fill(friend); // suggestions are by name: search for this one
      await compose.getByTestId('friend-option').filter({ hasText: friend }).first().click();
      await compose.getByTestId('link-confirm').click();
      await expect.poll(() => compose.getByTestId('linked-friend').textContent()).toBe(friend);
      return compose;
    };
    // 이서준's order: Kakao processes the send, then a server error answers it (tests/browser/send-faults.test.ts).
    const compose = await link('2026112400000002', '김하늘');
    await emu.control.fault({ path: '/v1/api/talk/friends/message/', kind: 'gateway', status: 500, nth: 1 });
    await compose.getByTestId('send').waitFor();
    // The consent note is acknowledged once (the first test did).
    if (await compose.getByTestId('consent-ack').count()) await compose.getByTestId('consent-ack').check();
    await compose.getByTestId('send').click();
    await expect
      .poll(() => compose.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('unknown');
    await compose.close();
    // 박지우's order, linked to 김하늘, who then stops accepting messages; the friends list is a few minutes
    // old by the time the page is reloaded (its fetchedAt moved back, as time would).
    await (await link('2026112400000003', '김하늘')).close();
    await expect.poll(() => badge('2026112400000003').textContent(), { timeout: 10_000 }).toBe('연결됨');
    await emu.control.patchUser(2, { allowedMsg: false });
    const worker = await ext.serviceWorker();
    await worker.evaluate(async () => {
      const key = 'kakaoFriends';
      const chrome = (globalThis as unknown as { chrome: any }).chrome;
      const cached = (await chrome.storage.session.get(key))[key] as { fetchedAt: number } | undefined;
      if (cached) await chrome.storage.session.set({ [key]: { ...cached, fetchedAt: cached.fetchedAt - 10 * 60_000 } });
    });
    await shell.reload();
    await expect.poll(() => badge('2026112400000002').textContent(), { timeout: 10_000 }).toBe('결과 확인 필요');
    await expect.poll(() => badge('2026112400000003').textContent(), { timeout: 10_000 }).toBe('수신 불가');
    // The sent one stays sent: a send that went out is what its badge says first.
    await expect.poll(() => badge('2026112400000001').textContent()).toBe('보냄 ✓');
  });
});
