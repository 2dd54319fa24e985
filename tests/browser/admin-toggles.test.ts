import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';

// The options page's "'카톡 알림' 버튼을 달 관리자 화면" switches, in the real Chrome build: an admin switched
// off gets no buttons, on an order page already open and on one opened afterwards; switched on, they return.
describe('admin switches in the options page (real Chrome build)', () => {
  const SMARTSTORE = 'sell.smartstore.naver.com';
  const CAFE24 = 'myshop.cafe24.com';
  let site: SiteServer;
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    site = await startSiteServer([SMARTSTORE, CAFE24]);
    ext = await launchExtension({ [SMARTSTORE]: site.port, [CAFE24]: site.port });
    options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    // A new install opens the step-by-step wizard; plain sections show the store section at once.
    await options.getByTestId('view-sections').click();
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  const buttons = (page: Page) => page.frameLocator('#__delegate').locator('[data-testid="ordertalk-notify"]');
  async function openOrders(): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(`https://${SMARTSTORE}/#/naverpay/manage/order`);
    return page;
  }
  /** What the operator does: click the admin's switch, then save the store section. */
  async function flip(id: string, on: boolean) {
    await options.bringToFront();
    const box = options.getByTestId(`admin-${id}`);
    expect(await box.isChecked()).toBe(!on);
    await box.click();
    expect(await box.isChecked()).toBe(on);
    await options.getByTestId('store-save').click();
    await options.getByTestId('store-status').filter({ hasText: '저장했어요' }).waitFor();
  }

  it('Smartstore on (the default): buttons on its order rows', async () => {
    const page = await openOrders();
    await expect.poll(() => buttons(page).count(), { timeout: 10_000 }).toBe(12);
    await page.close();
  });

  it('switched off in the options: the open page loses its buttons and a new one gets none', async () => {
    const open = await openOrders();
    await expect.poll(() => buttons(open).count(), { timeout: 10_000 }).toBe(12);
    await flip('smartstore', false);
    await expect.poll(() => buttons(open).count(), { timeout: 10_000 }).toBe(0);

    const fresh = await openOrders();
    // The content script ran (it marks the order frame) and chose to put no buttons.
    const frame = fresh.frameLocator('#__delegate');
    await expect.poll(() => frame.locator('html[data-ordertalk="ready"]').count(), { timeout: 10_000 }).toBe(1);
    await fresh.waitForTimeout(1000);
    expect(await buttons(fresh).count()).toBe(0);
    expect(await buttons(open).count()).toBe(0);
    await fresh.close();

    // Another admin's switch is its own: Cafe24's order list still gets its buttons.
    const cafe24 = await ext.context.newPage();
    await cafe24.goto(`https://${CAFE24}/admin/php/shop1/s_new/order_list.php`);
    await expect.poll(() => cafe24.locator('[data-testid="ordertalk-notify"]').count(), { timeout: 10_000 }).toBe(3);
    await cafe24.close();

    await flip('smartstore', true);
    await expect.poll(() => buttons(open).count(), { timeout: 10_000 }).toBe(12);
    await open.close();
  });

  it('a custom-admin selector the browser cannot parse is named as it is typed, with the part that fails', async () => {
    await options.bringToFront();
    const row = options.getByTestId('custom-row');
    const error = options.getByTestId('custom-row-error');
    for (const [typed, part] of [
      ['table tr[', '['],
      ['tr:has(', ':has('],
      ['a >>> b', '>>> b'],
      ['##bad', '##bad'],
    ] as const) {
      await row.fill(typed);
      await expect
        .poll(() => error.textContent(), { message: typed })
        .toBe(`CSS 선택자로 읽을 수 없어요: "${part}" 부분을 고쳐 주세요.`);
      expect(await row.getAttribute('aria-invalid')).toBe('true');
    }
    await row.fill('table#orders tbody tr');
    await expect.poll(() => error.count()).toBe(0);
    // A pattern the browser would refuse says why before anything is saved.
    await options.getByTestId('custom-url').fill('https://me@admin.myshop.com/orders*');
    await expect.poll(() => options.getByTestId('custom-url-error').textContent()).toContain('사용자 이름');
    await options.getByTestId('custom-field-buyerName').fill('td.buyer[');
    await options.getByTestId('custom-save').click();
    expect(await options.getByTestId('custom-status').textContent()).toContain('사용자 이름');
    expect(
      await ext.serviceWorker().then((w) =>
        w.evaluate(async () => {
          const s = (await (globalThis as any).chrome.storage.local.get('settings')).settings;
          return s?.customAdmins?.length ?? 0;
        }),
      ),
    ).toBe(0);
  });
});
