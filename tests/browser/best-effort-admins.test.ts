import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';

// Cafe24 and Godomall (best effort): the real Chrome build on fixture pages served under the admins' own
// hostnames, read by header text (Cafe24) and by data attributes with rowspans carried down (Godomall).
describe('카톡 알림 buttons on Cafe24 and Godomall order lists (real Chrome build)', () => {
  const CAFE24 = 'myshop.cafe24.com';
  const GODOMALL = 'gdadmin.myshop.godomall.com';
  let site: SiteServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    site = await startSiteServer([CAFE24, GODOMALL]);
    ext = await launchExtension({ [CAFE24]: site.port, [GODOMALL]: site.port });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function buttons(page: Page, count: number) {
    const all = page.locator('[data-testid="ordertalk-notify"]');
    await expect.poll(() => all.count(), { timeout: 10_000 }).toBe(count);
    return all.evaluateAll((els) =>
      els.map((b) => ({
        no: b.getAttribute('data-order-no'),
        disabled: (b as HTMLButtonElement).disabled,
        title: b.getAttribute('title') ?? '',
        bg: getComputedStyle(b).backgroundColor,
      })),
    );
  }

  it('Cafe24: one button per order row by header text; an unreadable order number gets a disabled button with the reason', async () => {
    const page = await ext.context.newPage();
    await page.goto(`https://${CAFE24}/admin/php/shop1/s_new/order_list.php`);
    const found = await buttons(page, 3);
    expect(found.slice(0, 2).map((b) => [b.no, b.disabled])).toEqual([
      // Keyed by the order number (one row per order, no item code): never by the row's position.
      ['20261124-0000123', false],
      ['20261124-0000124', false],
    ]);
    expect(found[2]).toMatchObject({ disabled: true, title: expect.stringContaining('주문번호') });
    expect(found[0]!.bg).toBe('rgb(254, 229, 0)'); // the admin's `button { background: red }` stays outside
    await page.close();
  });

  it('Godomall: one button per ordered item, orderer carried down the rowspan', async () => {
    const page = await ext.context.newPage();
    await page.goto(`https://${GODOMALL}/order/order_list_all.php`);
    const found = await buttons(page, 2);
    // The second item's row has no orderer cell: an enabled button means the name came down the rowspan
    // (a row without a buyer name is disabled with the reason).
    expect(found.map((b) => [b.no, b.disabled])).toEqual([
      ['900001', false],
      ['900002', false],
    ]);
    await page.close();
  });
});
