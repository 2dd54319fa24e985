import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { screenshotPath, type ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { evaluateInContentScript } from '../support/kakao-browser';
import { openCompose, setUpOperator } from '../support/setup-operator';

// The compose window's real size for one order (utils/background/compose-window.ts).
const ONE = { width: 520, height: 820 };

/** The element's box lies inside the window without scrolling. */
async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

/** Opens compose at the window's real size for one order. */
async function openOne(ext: ExtensionBrowser, click: () => Promise<void>): Promise<Page> {
  const page = await openCompose(ext.context, click);
  await page.setViewportSize(ONE);
  return page;
}

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
    compose = await openOne(ext, () => grid.getByTestId('ordertalk-notify').first().click());
    const linked = compose.locator('[data-check="linked"]');
    expect(await linked.getAttribute('data-ok')).toBe('false');
    expect(await compose.getByTestId('send').isDisabled()).toBe(true);
    await expect.poll(() => compose.getByTestId('order-card').getAttribute('data-state')).toBe('needs-link');
    // 김민지 is not among the operator's friends who use the app: the window says so above the list, with the fix.
    const noMatch = compose.getByTestId('friend-no-match');
    await expect.poll(() => noMatch.textContent()).toContain('김민지와 비슷한 이름의 카카오톡 친구가 없어요');
    expect(await noMatch.textContent()).toContain('내 카카오 앱에 연결하지 않았거나');
    expect(await noMatch.getByTestId('copy-guide').textContent()).toBe('고객 안내 페이지 링크 복사');
    const noMatchBox = (await noMatch.boundingBox())!;
    const listBox = (await compose.locator('.cp-friends').boundingBox())!;
    expect(noMatchBox.y).toBeLessThan(listBox.y);
    // Suggestions are ranked by likeness to the buyer (김민지): 김하늘 shares a syllable, 박바다 none.
    await expect.poll(() => compose.getByTestId('friend-option').first().textContent()).toContain('김하늘');
    await compose.getByTestId('friend-option').first().click();
    // The confirm step shows the customer and the chosen friend side by side, and names both in Korean.
    const compare = compose.getByTestId('link-compare');
    expect(await compare.textContent()).toContain('김민지');
    expect(await compare.textContent()).toContain('김하늘');
    expect(await compose.getByTestId('link-confirm').textContent()).toBe('김민지 고객을 김하늘로 연결');
    await compose.getByTestId('link-confirm').click();
    await expect.poll(() => compose.getByTestId('linked-friend').textContent()).toBe('김하늘');
    await expect.poll(() => linked.getAttribute('data-ok')).toBe('true');
  });

  it('previews exactly what the customer will see', async () => {
    const text = await compose.getByTestId('preview').textContent();
    expect(text).toContain('김민지님, 하늘상점입니다.');
    expect(text).toContain('2026112490000001');
    expect(await compose.getByTestId('char-count').textContent()).toMatch(/^\d+ \/ 200$/);
    // The sender as the customer sees it (the operator's KakaoTalk name), and where the button opens.
    expect(await compose.getByTestId('preview-sender-name').textContent()).toBe('운영자');
    expect(await compose.getByTestId('preview-link-host').textContent()).toContain('smartstore.naver.com');
    // Passing checks fold into one line; none of them is one that was not made.
    expect(await compose.getByTestId('checks-passed').textContent()).toMatch(/^✓ 확인 \d+개$/);
    // At the window's real size, order, recipient, preview and Send are all in view without scrolling.
    for (const id of ['order-card', 'linked-friend', 'preview', 'send'])
      expect(await inView(compose, id), id).toBe(true);
    await compose.screenshot({ path: screenshotPath('compose.png') });
    await store.screenshot({ path: screenshotPath('order-rows.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
  });

  it('needs the first-send acknowledgement, then sends once on the operator click', async () => {
    const send = compose.getByTestId('send');
    expect(await send.isDisabled()).toBe(true);
    await compose.getByTestId('consent-ack').check();
    await expect.poll(() => send.isEnabled()).toBe(true);
    // Losing focus disables Send; focus back starts the ~0.8 s wait again, and a real click then does nothing.
    await compose.evaluate(() => {
      window.dispatchEvent(new Event('blur'));
      window.dispatchEvent(new Event('focus'));
    });
    expect(await send.getAttribute('data-active')).toBe('false');
    expect(await send.isDisabled()).toBe(true);
    await send.click({ force: true });
    await compose.waitForTimeout(200);
    expect(await emu.control.deliveries()).toHaveLength(0);
    expect(await compose.getByTestId('send-result').count()).toBe(0);
    await expect.poll(() => send.getAttribute('data-active'), { timeout: 5000 }).toBe('true');
    expect(await compose.getByTestId('quota-today').textContent()).toBe('오늘 100건 더 보낼 수 있어요.');
    // A synthetic click from script does nothing.
    await send.evaluate((b: HTMLButtonElement) => b.click());
    await compose.waitForTimeout(500);
    expect(await emu.control.deliveries()).toHaveLength(0);
    await send.dblclick();
    await expect
      .poll(() => compose.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('sent');
    // The card, its checks and the day's figures agree with the result.
    await expect.poll(() => compose.getByTestId('order-card').getAttribute('data-state')).toBe('sent');
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
    const again = await openOne(ext, () => grid.getByTestId('ordertalk-notify').first().click());
    await expect.poll(() => again.locator('[data-check="not-sent-before"]').getAttribute('data-ok')).toBe('false');
    expect(await again.getByTestId('order-card').getAttribute('data-state')).toBe('sent');
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
    // An unknown variable is refused with the list of known ones, not saved.
    await options.getByTestId('template-body').fill('{고객명}님, 휴무예요.');
    await options.getByTestId('template-save').click();
    await expect
      .poll(() => options.getByTestId('template-status').textContent())
      .toContain('없는 변수 {고객명}이 있어요. 쓸 수 있는 변수: {구매자명}');
    expect(await options.getByTestId('template-list').textContent()).not.toContain('휴무 안내');
    await options.getByTestId('template-body').fill('{구매자명}님, {스토어명} 휴무로 {상품명}은 월요일에 보내 드려요.');
    await expect
      .poll(() => options.getByTestId('template-editor').getByTestId('preview').textContent())
      .toContain('김민지님, 하늘상점 휴무로');
    await options.getByTestId('template-save').click();
    await expect.poll(() => options.getByTestId('template-list').textContent()).toContain('휴무 안내');
    await options.close();
    const c = await openOne(ext, () => grid.getByTestId('ordertalk-notify').first().click());
    await c.getByTestId('template-select').selectOption({ label: '휴무 안내' });
    await expect.poll(() => c.getByTestId('preview').textContent()).toContain('휴무로 유기농 현미 5kg은 월요일에');
    await c.getByTestId('send').click();
    await expect.poll(() => c.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    expect(JSON.stringify((await emu.control.deliveries()).at(-1)!.templateObject)).toContain('휴무로');
    await c.close();
  });

  it('follows a store renamed while the window is open: the preview changes before anything is sent', async () => {
    const c = await openOne(ext, () => grid.getByTestId('ordertalk-notify').first().click());
    await expect.poll(() => c.getByTestId('preview').textContent()).toContain('하늘상점입니다');
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('view-sections').click();
    await options.getByTestId('store-name').fill('하늘상점 본점');
    await options.getByTestId('store-save').click();
    await options.getByTestId('store-status').filter({ hasText: /\S/ }).waitFor();
    await options.close();
    await c.bringToFront();
    await expect
      .poll(() => c.getByTestId('preview').textContent(), { timeout: 10_000 })
      .toContain('하늘상점 본점입니다');
    expect(await c.getByTestId('preview-changed').count()).toBe(1);
    const before = (await emu.control.deliveries()).length;
    await c.getByTestId('confirm-repeat').check();
    await expect.poll(() => c.getByTestId('send').isEnabled()).toBe(true);
    await c.getByTestId('send').click();
    await expect.poll(() => c.getByTestId('send-result').getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    const deliveries = await emu.control.deliveries();
    expect(deliveries).toHaveLength(before + 1);
    // What went is what the preview showed.
    expect(JSON.stringify(deliveries.at(-1)!.templateObject)).toContain('하늘상점 본점입니다');
    await c.close();
  });

  it('a bulk at its real window size keeps the summary and Send in view', async () => {
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    const rows = Math.min(8, await boxes.count());
    for (let i = 0; i < rows; i++) await boxes.nth(i).check();
    const c = await openCompose(ext.context, () => grid.getByTestId('ordertalk-bulk').click());
    await c.setViewportSize({ width: 760, height: 820 });
    await expect.poll(() => c.getByTestId('order-card').count()).toBe(rows);
    expect(await c.getByTestId('order-card').first().getAttribute('data-state')).toBe('sent');
    await expect.poll(() => c.locator('[data-filter="sent"] strong').textContent()).toBe('1');
    for (const id of ['compose-summary', 'send']) {
      const box = (await c.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(820);
    }
    await c.screenshot({ path: screenshotPath('compose-bulk.png') });
    await c.close();
    for (let i = 0; i < rows; i++) await boxes.nth(i).uncheck();
  });

  it('signed out, the window shows one banner with its one action, not a list of failures', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await popup.getByTestId('signout').click();
    await popup.getByTestId('signin').waitFor();
    await popup.close();
    const c = await openOne(ext, () => grid.getByTestId('ordertalk-notify').first().click());
    await expect.poll(() => c.getByTestId('compose-banner').count()).toBe(1);
    expect(await c.getByTestId('compose-banner').getAttribute('data-reason')).toBe('signed-out');
    expect(await c.getByTestId('banner-action').textContent()).toBe('카카오로 로그인');
    // The card does not repeat it: no sign-in or consent problem, and the friends-list check was not made.
    for (const check of ['signed-in', 'consent-friends', 'consent-talk-message'])
      expect(await c.locator(`.cp-problems [data-check="${check}"]`).count(), check).toBe(0);
    expect(await c.locator('[data-check="in-friends-list"]').count()).toBe(0);
    expect(await c.getByTestId('order-card').getAttribute('data-state')).toBe('blocked');
    expect(await c.getByTestId('send').isDisabled()).toBe(true);
    await c.close();
  });
});
