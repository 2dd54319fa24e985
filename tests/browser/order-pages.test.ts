import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';

describe('카톡 알림 buttons on Smartstore order rows (real Chrome build)', () => {
  let site: SiteServer;
  let ext: ExtensionBrowser;
  let page: Page;
  let grid: FrameLocator;
  const buttons = () => grid.locator('[data-testid="ordertalk-notify"]');

  beforeAll(async () => {
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ext = await launchExtension({ 'sell.smartstore.naver.com': site.port });
    page = await ext.context.newPage();
    await page.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    grid = page.frameLocator('#__delegate');
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('puts one button on every order row inside the order iframe, none on filler rows', async () => {
    await expect.poll(() => buttons().count(), { timeout: 10_000 }).toBe(12);
    expect(await buttons().first().getAttribute('data-order-no')).toBe('2026112400000001');
    // An icon button: its accessible name is the text.
    expect(await buttons().first().getAttribute('aria-label')).toBe('카톡 알림');
    // The page's `button { background: red }` does not reach into the shadow root.
    const bg = await buttons()
      .first()
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(bg).toBe('rgb(254, 229, 0)');
  });

  it('keeps exactly one button per row when the grid re-renders rows', async () => {
    const frame = page.frame({ url: /\/o\/v3\/manage\/order/ })!;
    for (let i = 0; i < 3; i++) {
      await frame.evaluate(() => {
        const w = window as unknown as { __grid: { resetData(r: unknown[]): void }; __rows: unknown[] };
        w.__grid.resetData(w.__rows);
      });
      await frame.waitForTimeout(50);
    }
    await expect.poll(() => buttons().count()).toBe(12);
    const keys = await buttons().evaluateAll((els) => els.map((e) => e.getAttribute('data-order-no')));
    expect(new Set(keys).size).toBe(12);
  });

  it('keeps the grid row heights: the frozen left half of each row stays level with its right half', async () => {
    await expect.poll(() => buttons().count(), { timeout: 10_000 }).toBe(12);
    const frame = page.frame({ url: /\/o\/v3\/manage\/order/ })!;
    const heights = await frame.evaluate(() => {
      const rows = (side: string) =>
        [...document.querySelectorAll(`.tui-grid-${side}side-area tbody tr`)]
          .slice(0, 12)
          .map((tr) => (tr as HTMLElement).getBoundingClientRect().height);
      return { left: rows('l'), right: rows('r') };
    });
    expect(heights.left).toHaveLength(12);
    expect(heights.left).toEqual(heights.right);
  });

  it('ignores a synthetic click from a page script', async () => {
    const frame = page.frame({ url: /\/o\/v3\/manage\/order/ })!;
    const before = ext.context.pages().length;
    await frame.evaluate(() => {
      const host = document.querySelector('ordertalk-row')!;
      const button = host.shadowRoot!.querySelector('button')!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await page.waitForTimeout(800);
    expect(ext.context.pages().length).toBe(before);
  });

  it('opens the extension compose window on a real click, and a bulk bar for ticked rows', async () => {
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await buttons().nth(2).click();
    const compose = await opened;
    expect(compose.url()).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/compose.html#[0-9a-f-]{36}$`));
    await compose.close();
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => grid.getByTestId('ordertalk-bulk').textContent()).toBe('선택 주문 카톡 알림 (2)');
  });

  it('reads hostile names as text and disables rows it cannot read, with the reason', async () => {
    const p = await ext.context.newPage();
    await p.goto('https://sell.smartstore.naver.com/o/v3/n/sale/delivery?hostile=1&bad=1');
    const b = p.locator('[data-testid="ordertalk-notify"]');
    await expect.poll(() => b.count(), { timeout: 10_000 }).toBe(12);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const disabled = b.nth(1);
    expect(await disabled.isDisabled()).toBe(true);
    expect(await disabled.getAttribute('title')).toContain('상품주문번호');
    expect(await p.locator('ordertalk-row img, ordertalk-row script').count()).toBe(0);
    await p.close();
  });
});
