import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { screenshotPath, type ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { evaluateInContentScript } from '../support/kakao-browser';
import { openCompose, setUpOperator } from '../support/setup-operator';

describe('compose and send from an order row (real Chrome build, emulated Kakao)', () => {
  let world: World;
  let emu: Emulator;
  let ext: ExtensionBrowser;
  let store: Page;
  let grid: FrameLocator;
  let compose: Page;

  beforeAll(async () => {
    world = await startWorld('basic');
    ({ emu, ext } = world);
    await setUpOperator(ext, emu, { key: '0123456789abcdef0123456789abcdef', userId: 1 });
    store = await ext.context.newPage();
    await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    grid = store.frameLocator('#__delegate');
  });
  afterAll(() => world?.close());

  it('shows "friend needed" on rows, then links the customer to a friend in compose', async () => {
    const badge = grid.getByTestId('ordertalk-status').first();
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('친구 연결 필요');
    compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-notify').first().click());
    const linked = compose.locator('[data-check="linked"]');
    expect(await linked.getAttribute('data-ok')).toBe('false');
    expect(await compose.getByTestId('send').isDisabled()).toBe(true);
    // Suggestions are ranked by likeness to the buyer (김민지): 김하늘 shares a syllable, 박바다 none.
    await expect.poll(() => compose.getByTestId('friend-option').first().textContent()).toContain('김하늘');
    await compose.getByTestId('friend-option').first().click();
    await compose.getByTestId('link-confirm').click();
    await expect.poll(() => compose.getByTestId('linked-friend').textContent()).toBe('김하늘');
    await expect.poll(() => linked.getAttribute('data-ok')).toBe('true');
  });

  it('previews exactly what the customer will see', async () => {
    const text = await compose.getByTestId('preview').textContent();
    expect(text).toContain('김민지님, 하늘상점입니다.');
    expect(text).toContain('2026112490000001');
    expect(await compose.getByTestId('char-count').textContent()).toMatch(/^\d+ \/ 200$/);
    await compose.setViewportSize({ width: 1000, height: 820 });
    await compose.screenshot({ path: screenshotPath('compose.png') });
    await store.screenshot({ path: screenshotPath('order-rows.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
  });

  it('needs the first-send acknowledgement, then sends once on the operator click', async () => {
    const send = compose.getByTestId('send');
    expect(await send.isDisabled()).toBe(true);
    await compose.getByTestId('consent-ack').check();
    expect(await compose.getByTestId('quota-today').textContent()).toBe('오늘 100건 더 보낼 수 있어요.');
    // A synthetic click from script does nothing.
    await send.evaluate((b: HTMLButtonElement) => b.click());
    await compose.waitForTimeout(500);
    expect(await emu.control.deliveries()).toHaveLength(0);
    await send.dblclick();
    await expect
      .poll(() => compose.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('sent');
    const deliveries = await emu.control.deliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ senderId: 1, receiverId: 2, kind: 'default' });
    // The day's figure follows the send, not the moment the window opened.
    await expect.poll(() => compose.getByTestId('quota-today').textContent()).toBe('오늘 99건 더 보낼 수 있어요.');
    expect(JSON.stringify(deliveries[0]!.templateObject)).toContain('김민지님');
    const inbox = await ext.context.newPage();
    await inbox.goto('https://kapi.kakao.com/__emulator/inbox/2');
    expect(await inbox.getByTestId('inbox-message').count()).toBe(1);
    await inbox.setViewportSize({ width: 480, height: 420 });
    await inbox.screenshot({ path: screenshotPath('inbox.png') });
    await inbox.close();
  });

  it('marks the row as sent and warns before sending the same notification again', async () => {
    await store.reload();
    await expect
      .poll(() => grid.getByTestId('ordertalk-status').first().textContent(), { timeout: 10_000 })
      .toBe('보냄 ✓');
    const again = await openCompose(ext.context, () => grid.getByTestId('ordertalk-notify').first().click());
    await expect.poll(() => again.locator('[data-check="not-sent-before"]').getAttribute('data-ok')).toBe('false');
    expect(await again.getByTestId('send').isDisabled()).toBe(true);
    await again.getByTestId('confirm-repeat').check();
    await again.getByTestId('send').click();
    await expect
      .poll(() => again.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('sent');
    expect(await emu.control.deliveries()).toHaveLength(2);
    await again.close();
  });

  it('refuses send requests forged from a content-script world or a page', async () => {
    expect(await store.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe(
      'undefined',
    );
    const frame = store.frames().find((f) => f.url().includes('/o/v3/'))!;
    const framePage = store; // the isolated world lives in the frame's execution contexts of this page
    void frame;
    const reply = await evaluateInContentScript(
      framePage,
      ext.extensionId,
      `chrome.runtime.sendMessage({ type: 'send.orders', input: { sessionId: crypto.randomUUID(), templateId: 'order-confirmed', productOrderNos: ['2026112400000001'], confirmRepeatFor: ['2026112400000001'], requestId: crypto.randomUUID() } })`,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await emu.control.deliveries()).toHaveLength(2);
  });

  it('records every send in history', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await expect.poll(() => popup.locator('li[data-status="sent"]').count()).toBe(2);
    await popup.close();
    const history = await ext.context.newPage();
    await history.goto(ext.extensionUrl('send-history.html'));
    await expect.poll(() => history.locator('tr[data-status="sent"]').count()).toBe(2);
    await history.getByTestId('history-search').fill('없는주문');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(0);
    await history.getByTestId('history-search').fill('');
    await history.getByTestId('history-retention').selectOption('30');
    await expect.poll(() => history.locator('tr[data-status="sent"]').count()).toBe(2);
    await history.screenshot({ path: screenshotPath('history.png') });
    await history.close();
  });

  it('uses a template the operator wrote in options, with the same preview and sending', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('view-sections').click();
    await options.getByTestId('template-new').click();
    await options.getByTestId('template-name').fill('휴무 안내');
    await options.getByTestId('template-body').fill('{구매자명}님, {스토어명} 휴무로 {상품명}은 월요일에 보내 드려요.');
    await expect
      .poll(() => options.getByTestId('template-editor').getByTestId('preview').textContent())
      .toContain('김민지님, 하늘상점 휴무로');
    await options.getByTestId('template-save').click();
    await expect.poll(() => options.getByTestId('template-list').textContent()).toContain('휴무 안내');
    await options.close();
    const c = await openCompose(ext.context, () => grid.getByTestId('ordertalk-notify').first().click());
    await c.getByTestId('template-select').selectOption({ label: '휴무 안내' });
    await expect.poll(() => c.getByTestId('preview').textContent()).toContain('휴무로 유기농 현미 5kg은 월요일에');
    await c.getByTestId('send').click();
    await expect.poll(() => c.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    expect(JSON.stringify((await emu.control.deliveries()).at(-1)!.templateObject)).toContain('휴무로');
    await c.close();
  });
});
