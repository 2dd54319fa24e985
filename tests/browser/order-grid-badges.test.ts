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
});
