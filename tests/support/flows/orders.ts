import { expect } from 'vitest';
import { message, tid, waitUntil, type Driver, type Ui } from './driver';

export const ORDER_PAGE = 'https://sell.smartstore.naver.com/#/naverpay/manage/order';
const GRID_FRAME = '/o/v3/manage/order';
const NOTIFY = tid('ordertalk-notify');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a new operator does in options and the popup: app key, store, sign-in and consents (auto-approved). */
export async function setUpOperator(driver: Driver, opts: { key: string; userId: number }): Promise<void> {
  const options = await driver.openExtensionPage('options.html');
  await options.click(tid('view-sections'));
  await options.fill(tid('kakao-rest-key'), opts.key);
  await options.click(tid('settings-save'));
  await waitUntil(
    () => options.text(tid('kakao-status')),
    (t) => !!t?.trim(),
    { what: 'the saved key' },
  );
  await options.fill(tid('store-name'), '하늘상점');
  await options.fill(tid('store-url'), 'https://smartstore.naver.com/haneul');
  await options.fill(tid('store-link-domains'), 'smartstore.naver.com');
  await options.click(tid('store-save'));
  await waitUntil(
    () => options.text(tid('store-status')),
    (t) => !!t?.trim(),
    { what: 'the saved store' },
  );
  await options.close();
  await driver.emu.control.autoApprove(opts.userId);
  const popup = await driver.openExtensionPage('popup.html');
  await popup.click(tid('signin'));
  await popup.click(tid('consent-grant'));
  await waitUntil(
    () => popup.text(tid('friends-count')),
    (t) => !!t && t !== '–',
    { what: 'the friends list', timeout: 20_000 },
  );
  await popup.close();
}

export interface OrderPage {
  store: Ui;
  grid: Ui;
}

/** The seller center's order page: one button per order row inside the order iframe, styled apart from the page. */
export async function orderButtons(driver: Driver): Promise<OrderPage> {
  const store = await driver.openUrl(ORDER_PAGE);
  const grid = await store.frame(GRID_FRAME);
  await waitUntil(
    () => grid.count(NOTIFY),
    (n) => n === 12,
    { what: '12 row buttons' },
  );
  expect(await grid.attr(NOTIFY, 'data-order-no')).toBe('2026112400000001');
  // An icon button: its name is for screen readers and the tooltip.
  expect(await grid.attr(NOTIFY, 'aria-label')).toBe(message(driver.lang, 'row.notify'));
  // The page's `button { background: red }` does not reach into the shadow root.
  const bg = await grid.evaluate(() => {
    const b = document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('button')!;
    return getComputedStyle(b).backgroundColor;
  });
  expect(bg).toBe('rgb(254, 229, 0)');
  return { store, grid };
}

/** The grid re-renders its rows: still exactly one button per row. */
export async function reRenderKeepsOneButtonPerRow(_driver: Driver, { grid }: OrderPage): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await grid.evaluate(() => {
      const w = window as unknown as { __grid: { resetData(r: unknown[]): void }; __rows: unknown[] };
      w.__grid.resetData(w.__rows);
    });
    await sleep(50);
  }
  await waitUntil(
    () => grid.count(NOTIFY),
    (n) => n === 12,
    { what: '12 row buttons after re-render' },
  );
  expect(new Set(await grid.attrs(NOTIFY, 'data-order-no')).size).toBe(12);
}

/** A click made by a page script opens nothing. */
export async function syntheticRowClickIgnored(driver: Driver, { grid }: OrderPage): Promise<void> {
  const before = await driver.pageCount();
  await grid.evaluate(() => {
    const button = document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await sleep(800);
  expect(await driver.pageCount()).toBe(before);
}

/** Hostile names stay text; a row it cannot read is disabled with the reason. */
export async function hostileRows(driver: Driver): Promise<void> {
  const page = await driver.openUrl('https://sell.smartstore.naver.com/o/v3/n/sale/delivery?hostile=1&bad=1');
  await waitUntil(
    () => page.count(NOTIFY),
    (n) => n === 12,
    { what: '12 row buttons on the hostile page' },
  );
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  expect(await page.disabled(NOTIFY, { nth: 1 })).toBe(true);
  expect(await page.attr(NOTIFY, 'title', { nth: 1 })).toMatch(/\S/);
  if (driver.lang === 'ko') expect(await page.attr(NOTIFY, 'title', { nth: 1 })).toContain('상품주문번호');
  const injected = await page.evaluate(
    () =>
      [...document.querySelectorAll('ordertalk-row')].filter((r) => r.shadowRoot?.querySelector('img, script')).length,
  );
  expect(injected).toBe(0);
  await page.close();
}

/**
 * From the first row: compose opens, the customer gets linked to a friend, the first-send acknowledgement is
 * given, a script's click does nothing and the operator's double click delivers exactly one message.
 */
export async function singleSendWithDoubleClick(driver: Driver, { store, grid }: OrderPage): Promise<Ui> {
  await waitUntil(
    () => grid.text(tid('ordertalk-status')),
    (t) => t === message(driver.lang, 'row.needsLink'),
    { what: 'the "friend needed" badge' },
  );
  const compose = await driver.waitForNewPage(() => grid.click(NOTIFY), /\/compose\.html#[0-9a-f-]{36}$/);
  await waitUntil(
    () => compose.count(tid('compose')),
    (n) => n === 1,
    { what: 'the compose window' },
  );
  expect(await compose.disabled(tid('send'))).toBe(true);
  await waitUntil(
    () => compose.text(tid('friend-option')),
    (t) => !!t?.includes('김하늘'),
    { what: 'the friend suggestion' },
  );
  await compose.click(tid('friend-option'));
  await compose.click(tid('link-confirm'));
  await waitUntil(
    () => compose.text(tid('linked-friend')),
    (t) => t === '김하늘',
    { what: 'the linked friend' },
  );
  expect(await compose.disabled(tid('send'))).toBe(true);
  await compose.check(tid('consent-ack'));
  await waitUntil(
    () => compose.disabled(tid('send')),
    (d) => !d,
    { what: 'send enabled' },
  );
  const before = (await driver.emu.control.deliveries()).length;
  await compose.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="send"]')!.click());
  await sleep(500);
  expect(await driver.emu.control.deliveries()).toHaveLength(before);
  await compose.dblclick(tid('send'));
  await waitUntil(
    () => compose.attr(tid('send-result'), 'data-status'),
    (s) => s === 'sent',
    { what: 'the sent result' },
  );
  await sleep(1000);
  const deliveries = (await driver.emu.control.deliveries()).slice(before);
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]).toMatchObject({ senderId: 1, receiverId: 2, kind: 'default' });
  await compose.screenshot('compose-sent');
  await compose.close();
  // The row now says it was sent.
  await store.reload();
  const regrid = await store.frame(GRID_FRAME);
  await waitUntil(
    () => regrid.text(tid('ordertalk-status')),
    (t) => t === message(driver.lang, 'row.sent'),
    { what: 'the "sent" badge' },
  );
  return regrid;
}
