import { expect } from 'vitest';
import { ORDER_PAGE } from './orders';
import { message, tid, waitUntil, type Driver, type Ui } from './driver';

export const DEMO_KEY = 'de0de0de0de0de0de0de0de0de0de0de';
/** Demo customers the operator can reach (in the friends list); the rest are not linkable. */
const LINKABLE = ['김민지', '이서준', '박지우', '최예린', '정하준', '조은우', '한유나'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** [name on the card, data-status of its result] for each order card of the compose window. */
const results = (compose: Ui) =>
  compose.evaluate(() =>
    [...document.querySelectorAll('article[data-order-no]')].map((a) => [
      a.querySelector('strong')?.textContent ?? '',
      a.querySelector('[data-testid="send-result"]')?.getAttribute('data-status') ?? null,
    ]),
  );

/** All 12 rows ticked on the order page; one compose window lists every recipient. */
export async function openBulkCompose(driver: Driver): Promise<Ui> {
  const store = await driver.openUrl(ORDER_PAGE);
  const grid = await store.frame('/o/v3/manage/order');
  await waitUntil(
    () => grid.count(tid('ordertalk-notify')),
    (n) => n === 12,
    { what: '12 row buttons' },
  );
  for (let i = 0; i < 12; i++) await grid.check('td[data-column-name="_checked"] input', { nth: i });
  await waitUntil(
    () => grid.text(tid('ordertalk-bulk')),
    (t) => t === message(driver.lang, 'row.bulk').replace('{count}', '12'),
    { what: 'the bulk button for 12 orders' },
  );
  const compose = await driver.waitForNewPage(() => grid.click(tid('ordertalk-bulk')), /\/compose\.html#/);
  await waitUntil(
    () => compose.count('article[data-order-no]'),
    (n) => n === 12,
    { what: '12 order cards' },
  );
  return compose;
}

/** Links the reachable customers, then sends: the eligible ones go, each order gets its own outcome. */
export async function bulkWithMixedEligibility(driver: Driver, compose: Ui): Promise<void> {
  for (const name of LINKABLE) {
    await compose.clickWithin('article', name, 'button', message(driver.lang, 'compose.link'));
    await compose.clickWithin('article', name, tid('friend-option'), name);
    await compose.clickWithin('article', name, tid('link-confirm'));
    await waitUntil(
      () =>
        compose.evaluate(
          (n) =>
            [...document.querySelectorAll('article')]
              .find((a) => a.textContent?.includes(n))
              ?.querySelector('[data-testid="linked-friend"]')?.textContent ?? null,
          name,
        ),
      (t) => t === name,
      { what: `${name} linked` },
    );
  }
  // 최예린 stops accepting messages after the friends list was read: Kakao answers -530 for her.
  await driver.emu.control.patchUser(1004, { allowedMsg: false });
  await driver.emu.control.countSent(1000, 1011, 1); // 한유나 had 19 of 20 today: now spent, Kakao answers -536
  await compose.check(tid('consent-ack'));
  await compose.click(tid('send'));
  await waitUntil(
    () => compose.count(tid('bulk-report')),
    (n) => n === 1,
    { timeout: 40_000, what: 'the bulk report' },
  );
  const byName = Object.fromEntries(await results(compose));
  expect(byName['김민지']).toBe('sent');
  expect(byName['최예린']).toBe('failed');
  expect(byName['한유나']).toBe('failed');
  // Not linkable, or refusing messages: never sent at all.
  expect(Object.values(byName).filter((s) => s === 'sent')).toHaveLength(4);
  const receivers = (await driver.emu.control.deliveries()).map((d) => d.receiverId);
  expect(receivers).toHaveLength(4);
  expect(new Set(receivers).size).toBe(receivers.length);
  expect(await compose.attr(tid('bulk-progress'), 'value')).toBe('6');
  await compose.screenshot('bulk-report');
}

/**
 * The background restarts while the confirmed repeat of the bulk is in flight (Chrome: the service worker
 * stopped; Firefox: the background page reloaded): nothing goes twice, nothing is resent by itself, and the
 * cut-off send shows as "check the result" (unknown) in compose and history.
 */
export async function backgroundRestartMidBulk(driver: Driver, compose: Ui): Promise<void> {
  const { emu } = driver;
  await compose.clickWithin('body', '', 'button', message(driver.lang, 'compose.again'));
  // Already-sent orders are left out until each is confirmed on its own card.
  await waitUntil(
    () => compose.count(tid('confirm-repeat')),
    (n) => n > 0,
    { what: 'repeat confirmations' },
  );
  const repeats = await compose.count(tid('confirm-repeat'));
  for (let i = 0; i < repeats; i++) await compose.check(tid('confirm-repeat'), { nth: i });
  const before = (await emu.control.deliveries()).length;
  // The third request is slow: the background restarts while it is in flight (Kakao still processes it).
  await emu.control.fault({ path: '/message/default/send', kind: 'latency', ms: 2500, nth: 3 });
  await compose.click(tid('send'));
  await waitUntil(
    async () => (await emu.control.deliveries()).length - before,
    (n) => n >= 2,
    { what: 'two deliveries of the repeat' },
  );
  await waitUntil(
    async () => (await emu.control.faults()).some((f) => f.kind === 'latency' && f.fired),
    (fired) => fired,
    { what: 'the slow request in flight' },
  );
  await driver.restartBackground();
  await sleep(3500);
  const afterRestart = (await emu.control.deliveries()).length;
  // Waking the background again recovers; nothing is re-sent by itself.
  const history = await driver.openExtensionPage('send-history.html');
  await waitUntil(
    () => history.count('tr[data-status="unknown"]'),
    (n) => n >= 1,
    { what: 'an unknown outcome in history' },
  );
  await sleep(1500);
  const deliveries = await emu.control.deliveries();
  expect(deliveries.length).toBe(afterRestart);
  const perReceiver = new Map<number, number>();
  for (const d of deliveries) perReceiver.set(d.receiverId, (perReceiver.get(d.receiverId) ?? 0) + 1);
  // Two rounds at most: the first bulk and this confirmed repeat, never an automatic third.
  expect(Math.max(...perReceiver.values())).toBeLessThanOrEqual(2);
  expect(afterRestart - before).toBeLessThan(6);
  await history.close();
  // The compose page reads back from the history what may have arrived, order by order.
  await waitUntil(
    () => compose.count(tid('send-interrupted')),
    (n) => n === 1,
    { timeout: 25_000, what: 'the interrupted notice in compose' },
  );
  const states = (await results(compose)).map(([, s]) => s);
  expect(states).toContain('unknown');
  expect(states).not.toContain('pending');
  await compose.screenshot('bulk-interrupted');
}

/** The history page lists every send, filters, and exports a CSV with one line per record. */
export async function historyAndCsv(driver: Driver): Promise<void> {
  const history = await driver.openExtensionPage('send-history.html');
  await waitUntil(
    () => history.count('tbody tr'),
    (n) => n > 0,
    { what: 'history rows' },
  );
  const statuses = await history.attrs('tbody tr', 'data-status');
  expect(statuses).toContain('sent');
  expect(statuses).toContain('failed');
  await history.fill(tid('history-search'), '없는주문');
  await waitUntil(
    () => history.count('tbody tr'),
    (n) => n === 0,
    { what: 'no row for an unknown order' },
  );
  await history.fill(tid('history-search'), '');
  await waitUntil(
    () => history.count('tbody tr'),
    (n) => n === statuses.length,
    { what: 'all rows again' },
  );
  await history.screenshot('history');
  // The export is a blob download: keep the blob the page makes (and skip the browser's download).
  await history.evaluate(() => {
    const w = window as unknown as { __csv?: Blob; __csvName?: string };
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => ((w.__csv = b as Blob), create(b));
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__csvName = this.download;
    };
  });
  await history.click(tid('history-export'));
  const csv = await waitUntil(
    () => history.evaluate(() => (window as unknown as { __csv?: Blob }).__csv?.text() ?? Promise.resolve(null)),
    (t) => t !== null,
    { what: 'the CSV' },
  );
  expect(await history.evaluate(() => (window as unknown as { __csvName?: string }).__csvName)).toMatch(
    /^ordertalk-history-\d{8}\.csv$/,
  );
  const lines = csv!
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    '시각(KST),주문번호,상품주문번호,구매자,상품,받는 사람,템플릿,채널,전화번호,비용(원),상태,도착,오류 코드,오류',
  );
  expect(lines).toHaveLength(statuses.length + 1);
  for (const tokenish of driver.emu.world.access.keys()) expect(csv).not.toContain(tokenish);
  await history.close();
}
