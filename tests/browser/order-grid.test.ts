import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';

// The order page on the real TOAST UI Grid (tests/fixtures/sites/sell.smartstore.naver.com/fixture-grid.js):
// a fixed body height with virtual scrolling, frozen 150 px columns that clip their cells.
const VIRTUAL = 'rows=60&height=400';

interface GridWindow {
  __grid: {
    resetData(rows: unknown[]): void;
    sort(column: string, ascending: boolean): void;
    resetColumnWidths(widths: number[]): void;
    getColumns(): { name: string }[];
    getFocusedCell(): { rowKey: number | null };
  };
  __rows: unknown[];
  __makeRows(n: number): unknown[];
}

/** Rows the grid renders (cells with a row key) and the controls on them, paired by the order number. */
async function rowsAndControls(frame: Frame) {
  return frame.evaluate(() => {
    const cells = [...document.querySelectorAll('td[data-row-key][data-column-name="productOrderNo"]')];
    return {
      rows: cells.map((td) => td.textContent!.trim()),
      controls: cells.map((td) => [...td.querySelectorAll('ordertalk-row')].map((h) => h.getAttribute('data-key'))),
      total: document.querySelectorAll('ordertalk-row').length,
      onDummy: document.querySelectorAll('td.tui-grid-cell-dummy ordertalk-row').length,
    };
  });
}

async function expectOneControlPerRow(frame: Frame) {
  await expect
    .poll(
      async () => {
        const { rows, controls, total, onDummy } = await rowsAndControls(frame);
        return (
          rows.length > 0 &&
          total === rows.length &&
          onDummy === 0 &&
          controls.every((c, i) => c.length === 1 && c[0] === rows[i])
        );
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

describe('row controls on the real TOAST UI Grid (real Chrome build)', () => {
  let site: SiteServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ext = await launchExtension({ 'sell.smartstore.naver.com': site.port });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function open(query: string): Promise<{ page: Page; frame: Frame }> {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`https://sell.smartstore.naver.com/o/v3/manage/order?${query}`);
    return { page, frame: page.mainFrame() };
  }

  it('keeps one control per rendered row, none on dummy rows, through scrolls, sort, resize and resetData', async () => {
    const { page, frame } = await open(VIRTUAL);
    await expectOneControlPerRow(frame);
    const scroll = (top: number, left: number) =>
      frame.evaluate(
        ([t, l]) => {
          const body = document.querySelector('.tui-grid-rside-area .tui-grid-body-area')!;
          body.scrollTop = t!;
          body.scrollLeft = l!;
        },
        [top, left],
      );
    await scroll(800, 0);
    await expectOneControlPerRow(frame);
    expect((await rowsAndControls(frame)).rows[0]).not.toBe('2026112400000001');
    await scroll(1400, 1500);
    await expectOneControlPerRow(frame);
    await frame.evaluate(() => (window as unknown as GridWindow).__grid.sort('productOrderNo', false));
    await expectOneControlPerRow(frame);
    await frame.evaluate(() => {
      const g = (window as unknown as GridWindow).__grid;
      g.resetColumnWidths(g.getColumns().map((_, i) => (i === 0 ? 190 : 130)));
    });
    await expectOneControlPerRow(frame);
    await frame.evaluate(() => {
      const w = window as unknown as GridWindow;
      w.__grid.resetData(w.__makeRows(40));
    });
    await expectOneControlPerRow(frame);
    await page.close();
  });

  it('follows a route change of the seller center (the order iframe loads another page)', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    const first = () => page.frames().find((f) => f.url().includes('/o/v3/'))!;
    await expect.poll(() => first()?.locator('ordertalk-row').count() ?? 0, { timeout: 10_000 }).toBe(12);
    await page.evaluate(() => {
      location.hash = '#/naverpay/sale/delivery';
      document.querySelector<HTMLIFrameElement>('#__delegate')!.src = `/o/v3/n/sale/delivery?${'rows=30&height=400'}`;
    });
    await expect.poll(() => first()?.url() ?? '', { timeout: 10_000 }).toContain('/o/v3/n/sale/delivery');
    await expectOneControlPerRow(first());
    await page.close();
  });

  it('shows the whole control in a 150 px column and keeps the rows level', async () => {
    const { page, frame } = await open(VIRTUAL);
    await expectOneControlPerRow(frame);
    const seen = await frame.evaluate(() => {
      const out: { full: boolean; inside: boolean }[] = [];
      // The body's visible part: without the horizontal scrollbar along its bottom.
      const area = document.querySelector('.tui-grid-rside-area .tui-grid-body-area')!;
      const body = {
        top: area.getBoundingClientRect().top,
        bottom: area.getBoundingClientRect().top + area.clientHeight,
      };
      for (const host of document.querySelectorAll('ordertalk-row')) {
        const cell = host.closest('td')!.getBoundingClientRect();
        // A row the grid shows only in part (its last row runs under the grid's own scrollbar strip).
        if (cell.top < body.top || cell.bottom > body.bottom - 20) continue;
        const button = host.shadowRoot!.querySelector('button')!;
        const r = button.getBoundingClientRect();
        // What the operator sees at the button's corners is the button itself: nothing clips or covers it.
        const corners = [
          [r.left + 1, r.top + 1],
          [r.right - 1, r.top + 1],
          [r.left + 1, r.bottom - 1],
          [r.right - 1, r.bottom - 1],
        ];
        const full = r.width >= 18 && corners.every(([x, y]) => document.elementFromPoint(x!, y!) === host);
        out.push({ full, inside: r.top >= cell.top && r.bottom <= cell.bottom });
      }
      return out;
    });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((s) => s.full && s.inside)).toBe(true);
    const heights = await frame.evaluate(() => {
      const rows = (side: string) =>
        [...document.querySelectorAll(`.tui-grid-${side}side-area .tui-grid-body-area tr`)].map(
          (tr) => (tr as HTMLElement).getBoundingClientRect().height,
        );
      return { left: rows('l'), right: rows('r') };
    });
    expect(heights.left.length).toBeGreaterThan(5);
    expect(heights.left).toEqual(heights.right);
    expect(new Set(heights.left)).toEqual(new Set([40]));
    await page.close();
  });

  it('does not let a mousedown or click on the control reach the grid', async () => {
    const { page, frame } = await open(VIRTUAL);
    await expectOneControlPerRow(frame);
    await frame.evaluate(() => {
      const w = window as unknown as { __gridEvents: number };
      w.__gridEvents = 0;
      for (const type of ['mousedown', 'click'])
        document.querySelector('.tui-grid-container')!.addEventListener(type, () => w.__gridEvents++);
    });
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await frame.locator('[data-testid="ordertalk-notify"]').nth(3).click();
    (await opened).close();
    expect(await frame.evaluate(() => (window as unknown as { __gridEvents: number }).__gridEvents)).toBe(0);
    expect(await frame.evaluate(() => (window as unknown as GridWindow).__grid.getFocusedCell().rowKey)).toBeNull();
    await page.close();
  });

  it('ignores clicks outside the button when the page stretches its host over the page', async () => {
    const { page, frame } = await open(VIRTUAL);
    await expectOneControlPerRow(frame);
    await frame.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        'ordertalk-row{position:fixed!important;inset:0!important;width:100vw!important;height:100vh!important;z-index:99999!important}';
      document.head.append(style);
      const host = document.querySelector('ordertalk-row') as HTMLElement;
      host.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;z-index:99999';
      host.shadowRoot!.querySelector('button')!.setAttribute('style', 'width:100vw;height:100vh');
    });
    const before = ext.context.pages().length;
    await page.mouse.click(900, 300);
    await page.mouse.click(640, 600);
    await page.waitForTimeout(800);
    expect(ext.context.pages().length).toBe(before);
    await page.close();
  });

  it('keeps ticked rows scrolled out of view in the bulk, and drops them on untick and resetData', async () => {
    const { page, frame } = await open(VIRTUAL);
    await expectOneControlPerRow(frame);
    const bar = frame.getByTestId('ordertalk-bulk');
    const box = (no: string) =>
      frame.locator(
        `xpath=//td[@data-column-name="_checked"][@data-row-key=//td[@data-column-name="productOrderNo"][normalize-space()="${no}"]/@data-row-key]//input`,
      );
    await box('2026112400000001').check();
    await box('2026112400000002').check();
    await frame.evaluate(() => (document.querySelector('.tui-grid-rside-area .tui-grid-body-area')!.scrollTop = 300));
    await box('2026112400000012').check();
    await frame.evaluate(() => (document.querySelector('.tui-grid-rside-area .tui-grid-body-area')!.scrollTop = 1600));
    await expectOneControlPerRow(frame);
    await expect.poll(() => bar.textContent()).toBe('선택 주문 카톡 알림 (3)');
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await bar.click();
    const compose = await opened;
    await expect.poll(() => compose.locator('article[data-order-no]').count(), { timeout: 10_000 }).toBe(3);
    const listed = await compose
      .locator('article[data-order-no]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-order-no')));
    expect(listed.sort()).toEqual(['2026112400000001', '2026112400000002', '2026112400000012']);
    // Options and quantity come from the grid's productOptionContents / orderQuantity columns.
    await expect
      .poll(() => compose.locator('article[data-order-no="2026112400000001"]').textContent())
      .toContain('선물포장');
    await expect
      .poll(() => compose.locator('article[data-order-no="2026112400000002"]').textContent())
      .toContain('× 2');
    await compose.close();
    await frame.evaluate(() => (document.querySelector('.tui-grid-rside-area .tui-grid-body-area')!.scrollTop = 300));
    await box('2026112400000012').uncheck();
    await expect.poll(() => bar.textContent()).toBe('선택 주문 카톡 알림 (2)');
    await frame.evaluate(() => {
      const w = window as unknown as GridWindow;
      w.__grid.resetData(w.__rows);
    });
    await expect.poll(() => bar.count()).toBe(0);
    await page.close();
  });

  it("holds every row of the grid's data after the header's select-all, drawn or not, less the ones unticked", async () => {
    const { page, frame } = await open(VIRTUAL);
    await expectOneControlPerRow(frame);
    await frame.waitForFunction(() => (window as unknown as { __graphqlDone?: boolean }).__graphqlDone);
    const bar = frame.getByTestId('ordertalk-bulk');
    const body = '.tui-grid-rside-area .tui-grid-body-area';
    const box = (no: string) =>
      frame.locator(
        `xpath=//td[@data-column-name="_checked"][@data-row-key=//td[@data-column-name="productOrderNo"][normalize-space()="${no}"]/@data-row-key]//input`,
      );
    // The grid's own count of ticked rows, from its data (not the DOM).
    const gridTicks = () =>
      frame.evaluate(
        () => (window as unknown as { __grid: { getCheckedRowKeys(): unknown[] } }).__grid.getCheckedRowKeys().length,
      );
    await frame.locator('th[data-column-name="_checked"] input').check();
    await expect.poll(() => bar.textContent()).toBe('선택 주문 카톡 알림 (60)');
    expect(await gridTicks()).toBe(60);
    await box('2026112400000002').uncheck();
    await frame.evaluate((b) => (document.querySelector(b)!.scrollTop = 10_000), body);
    await box('2026112400000060').uncheck();
    await expect.poll(() => bar.textContent()).toBe('선택 주문 카톡 알림 (58)');
    expect(await gridTicks()).toBe(58);
    const opened = ext.context.waitForEvent('page', { timeout: 10_000 });
    await bar.click();
    const compose = await opened;
    await expect.poll(() => compose.locator('article[data-order-no]').count(), { timeout: 15_000 }).toBe(58);
    const listed = await compose
      .locator('article[data-order-no]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-order-no')));
    expect(listed).not.toContain('2026112400000002');
    expect(listed).not.toContain('2026112400000060');
    expect(listed).toContain('2026112400000030'); // never drawn: from the page's data
    await compose.close();
    // Ticking it again puts it back; a data reset unticks every row, and the bar goes.
    await box('2026112400000060').check();
    await expect.poll(() => bar.textContent()).toBe('선택 주문 카톡 알림 (59)');
    await frame.evaluate(() => {
      const w = window as unknown as GridWindow;
      w.__grid.resetData(w.__rows);
    });
    await expect.poll(() => bar.count()).toBe(0);
    // The header unticked after a fresh select-all: none.
    await frame.locator('th[data-column-name="_checked"] input').check();
    await expect.poll(() => bar.textContent()).toBe('선택 주문 카톡 알림 (60)');
    await frame.locator('th[data-column-name="_checked"] input').uncheck();
    await expect.poll(() => bar.count()).toBe(0);
    await page.close();
  });

  for (const layout of [
    { name: '1280×720', width: 1280, height: 720, frameHeight: 700 },
    { name: '125 % zoom (1024×576 CSS px)', width: 1024, height: 576, frameHeight: 700 },
    { name: 'an iframe as tall as its content', width: 1280, height: 720, frameHeight: 2600 },
  ])
    it(`shows the bulk bar inside the window at ${layout.name}`, async () => {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: layout.width, height: layout.height });
      await page.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
      await page.evaluate((h) => {
        const f = document.querySelector<HTMLIFrameElement>('#__delegate')!;
        f.style.height = `${h}px`;
        f.src = `/o/v3/manage/order?rows=60&height=${h > 1000 ? 'auto' : 400}`;
        document.body.style.margin = '0';
        document.querySelector<HTMLElement>('#seller-lnb')!.style.height = '120px';
      }, layout.frameHeight);
      const frame = () => page.frames().find((f) => f.url().includes('rows=60'))!;
      await expect.poll(() => frame()?.locator('ordertalk-row').count() ?? 0, { timeout: 10_000 }).toBeGreaterThan(5);
      await frame().locator('td[data-column-name="_checked"] input').first().check();
      const bar = frame().getByTestId('ordertalk-bulk');
      await expect.poll(() => bar.count()).toBe(1);
      const inView = async () => {
        const r = await bar.boundingBox(); // in the page's (top frame's) coordinates
        return !!r && r.y >= 0 && r.x >= 0 && r.y + r.height <= layout.height && r.x + r.width <= layout.width;
      };
      await expect.poll(inView).toBe(true);
      // Scrolling the seller center keeps it in view.
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(300);
      await expect.poll(inView).toBe(true);
      await page.close();
    });
});
