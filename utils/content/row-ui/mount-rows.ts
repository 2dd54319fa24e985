import type { Order } from '@/utils/shared/order';
import type { OrderStatus } from '@/utils/shared/protocol';
import { toOrder } from '@/utils/shared/order-fields';
import type { Locator, RowRef, RowProblem } from '@/utils/content/stores/types';
import { createRowButton, ROW_HOST, type RowHandle, type RowTexts } from './row-button';
import { createBulkBar } from './bulk-bar';
import { nextTask, SLICE_MS } from '@/utils/content/next-task';

export interface MountOptions {
  doc: Document;
  url: () => URL;
  locator: Locator;
  texts: RowTexts & { bulk: (n: number) => string };
  signal: AbortSignal;
  /** Extra fields from the page's own data, by product order number. */
  extra?: Map<string, Partial<Order>>;
  openCompose: (orders: Order[]) => void;
  fetchStatuses: (orders: Order[]) => Promise<Record<string, OrderStatus>>;
  problemText: (p: RowProblem) => string;
}

const MAX_CACHED = 20_000;

/** A row read: its key (the product order number, or `row-<place>`) and the order or why it can't be read. */
type Reading = { key: string } & ({ order: Order } | { problem: RowProblem });

/** What a row's badge depends on: the order and who its customer is (the buyer data can come after the row). */
const statusKey = (o: Order) => `${o.productOrderNo}\u0001${o.buyerId}\u0001${o.buyerPhone}\u0001${o.buyerName}`;

/**
 * Keeps exactly one button on every order row while the grid re-renders rows (scroll, sort, paging,
 * route changes). One MutationObserver; scans coalesced to one per task (before the frame is painted) and cut into slices of
 * a few milliseconds; rows whose text was read before are not validated again, and a row the grid
 * re-creates gets its existing button back. Torn down on abort.
 */
export function mountRows(o: MountOptions): { scan(): void; refreshStatuses(): void } {
  const statuses = new Map<string, OrderStatus>();
  // What each row's badge was asked for: asked again when the buyer data changes, or the background says so.
  const asked = new Map<string, string>();
  // Same text, same result: validation is the costly part of reading a row.
  const readings = new Map<string, Reading>();
  // Buttons by key, so a re-rendered row gets its button (and badge) back instead of a new one.
  const handles = new Map<string, RowHandle>();
  const placed = new WeakMap<Element, RowHandle>();
  // Buttons waiting to go into the page, to the row they are for (see flush()).
  const pending = new Map<HTMLElement, Element>();
  // The latest reading of each row: page data (e.g. the buyer id) can arrive after the button was made.
  const latest = new Map<string, Order>();
  // Ticked rows by the grid's row key, read while they were in view: a virtual grid drops rows scrolled out
  // of view from the DOM, but they stay ticked in the grid (and in the bulk).
  const ticks = new Map<string, Order>();
  // Tick boxes the operator changed since the last scan; any other change of a tick was the page's own.
  const touched = new Set<string>();
  // A scan is due (one task after the page's change, before the frame is painted: the controls come with the rows).
  let due = false;
  let generation = 0;
  const selection = () => [...new Map([...ticks.values()].map((t) => [t.productOrderNo, t])).values()];
  const bar = createBulkBar(o.doc, o.texts.bulk, () => {
    const orders = selection();
    if (orders.length) o.openCompose(orders);
  });

  async function askStatuses(orders: Order[]) {
    const fresh = orders.filter((ord) => asked.get(ord.productOrderNo) !== statusKey(ord));
    if (!fresh.length) return;
    for (const ord of fresh) asked.set(ord.productOrderNo, statusKey(ord));
    try {
      const got = await o.fetchStatuses(fresh);
      if (o.signal.aborted) return;
      // Badges only: no need to read the grid again.
      for (const [k, v] of Object.entries(got)) {
        statuses.set(k, v);
        handles.get(k)?.setStatus(v);
      }
    } catch {
      // No badge is better than a wrong one; the button still works.
    }
  }

  function read(ref: RowRef): Reading {
    // Rows without a cheaper signature are signed by their fields, read once here.
    const fields = ref.signature ? undefined : ref.fields();
    const signature = ref.signature?.() ?? JSON.stringify(fields);
    let reading = readings.get(signature);
    if (!reading) {
      const row = toOrder(o.locator.store, fields ?? ref.fields());
      reading =
        'order' in row ? { key: row.order.productOrderNo, order: row.order } : { key: '', problem: row.problem };
      if (readings.size >= MAX_CACHED) readings.clear();
      readings.set(signature, reading);
    }
    // Problem rows are named by their place on the page, which the cached reading may not share.
    return 'problem' in reading ? { ...reading, key: `row-${ref.place}` } : reading;
  }

  /** The row's button; a new or moved one waits in `pending` until the scan ends. */
  function place(anchor: Element, key: string): RowHandle {
    let handle = placed.get(anchor);
    if (handle?.key === key && (handle.host.parentNode === anchor || pending.get(handle.host) === anchor))
      return handle;
    if (handle?.host.parentNode === anchor) handle.host.remove(); // the grid reused this cell for another order
    handle = handles.get(key);
    if (!handle || handle.host.isConnected || pending.has(handle.host)) {
      handle = createRowButton(o.doc, key, o.texts, () => {
        const order = latest.get(key);
        if (order) o.openCompose([order]);
      });
      if (handles.size >= MAX_CACHED) handles.clear(); // buttons in the page stay; only re-use is lost
      handles.set(key, handle);
    }
    pending.set(handle.host, anchor);
    placed.set(anchor, handle);
    return handle;
  }

  // Buttons go into the page together when a scan ends: every change to a big grid's cells costs the page a
  // layout of the whole table, so once per scan rather than once per slice.
  function flush() {
    for (const [host, anchor] of pending) anchor.append(host);
    pending.clear();
    observer.takeRecords(); // our own moves: nothing for the observer to look at
  }

  async function scan() {
    due = false;
    if (o.signal.aborted) return;
    const run = ++generation;
    const refs = o.locator.locate(o.doc, o.url(), o.extra);
    const orders: Order[] = [];
    const seen = new Set<string>();
    let resync = !o.locator.virtual; // a grid that renders every row: its ticks are what the DOM shows
    let sliceStart = performance.now();
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const reading = read(ref);
      const handle = place(ref.anchor, reading.key);
      if ('order' in reading) {
        handle.setProblem(undefined);
        latest.set(reading.key, reading.order);
        orders.push(reading.order);
        handle.setStatus(statuses.get(reading.key));
        const place = ref.place;
        const had = ticks.get(place);
        if (ref.selected()) {
          // The same row key on another order: the grid's data was replaced (resetData restarts keys from 0).
          if (had && had.productOrderNo !== reading.key) resync = true;
          ticks.set(place, reading.order);
          seen.add(place);
        } else if (had) {
          ticks.delete(place);
          // Unticked without the operator touching it: the page reset the ticks, of rows out of view too.
          if (!touched.has(place) || had.productOrderNo !== reading.key) resync = true;
        }
      } else {
        handle.setProblem(o.problemText(reading.problem));
        handle.setStatus(undefined);
      }
      if (i % 4 === 3 && performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        // A newer scan (the grid changed again) takes over; rows done so far stay done.
        if (o.signal.aborted) return;
        if (run !== generation) return flush();
        sliceStart = performance.now();
      }
    }
    flush();
    touched.clear();
    if (resync) for (const place of ticks.keys()) if (!seen.has(place)) ticks.delete(place);
    bar.update(selection().length);
    // Badges are asked for once the buttons are in: replies arriving mid-scan would only add tasks to wait for.
    for (let i = 0; i < orders.length; i += 200) void askStatuses(orders.slice(i, i + 200));
  }

  function schedule() {
    if (due || o.signal.aborted) return;
    due = true;
    // The page's whole change (a render is one task) is in by then; several changes make one scan.
    void nextTask().then(scan);
  }

  // Our own changes are taken off its queue (flush); the bulk bar appearing is not a reason to scan again.
  const observer = new MutationObserver((records) => {
    if (records.every((r) => [...r.addedNodes].every((n) => (n as Element).localName === 'ordertalk-bulk'))) return;
    schedule();
  });
  observer.observe(o.doc.documentElement, { childList: true, subtree: true });
  o.doc.addEventListener(
    'change',
    (event) => {
      const box = event.target as HTMLInputElement;
      const place = box.closest?.('[data-row-key]')?.getAttribute('data-row-key');
      if (place != null) touched.add(place);
      // The header's tick box unticked: every row is, in view or not.
      else if (box.type === 'checkbox' && !box.checked) ticks.clear();
      schedule();
    },
    { capture: true, signal: o.signal },
  );
  o.signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const h of o.doc.querySelectorAll(ROW_HOST)) h.remove();
    bar.remove();
  });
  void scan();
  return {
    scan: schedule,
    /** Every known row's badge, asked again: a link, unlink or send changed a status somewhere. */
    refreshStatuses() {
      asked.clear();
      const orders = [...latest.values()];
      for (let i = 0; i < orders.length; i += 200) void askStatuses(orders.slice(i, i + 200));
    },
  };
}
