import type { Order } from '@/utils/shared/order';
import type { OrderStatus } from '@/utils/shared/protocol';
import { toOrder } from '@/utils/shared/order-fields';
import {
  ITEM_KEY,
  type Locator,
  type PageData,
  type RawFields,
  type RowRef,
  type RowProblem,
} from '@/utils/content/stores/types';
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
  extra?: PageData;
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
 * route changes). One MutationObserver. A scan has two passes: the controls go in first, with only each row's
 * key read (at once, in the observer's callback, before the frame with the new rows is painted; a big grid in
 * slices), then, from the next task, the rows are read, validated and their badges asked for in slices. Rows
 * whose text was read before are not validated again, and a row the grid re-creates gets its existing button
 * back. Torn down on abort.
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
  // The rows drawn now, by key: one not read yet is read when its control or the bulk bar is clicked.
  let drawn = new Map<string, RowRef>();
  // Ticked rows by the grid's row key (→ order key), seen while they were in view: a virtual grid drops rows
  // scrolled out of view from the DOM, but they stay ticked in the grid (and in the bulk).
  const ticks = new Map<string, string>();
  // The header's tick box ticked: every row of the grid's data is, drawn or not, but for these (unticked since).
  let all: Set<string> | undefined;
  let header: HTMLInputElement | undefined;
  // Tick boxes the operator changed since the last scan; any other change of a tick was the page's own.
  const touched = new Set<string>();
  let generation = 0;
  let due = false;
  const schedule = () => {
    if (due) return;
    due = true;
    // After the page's whole change (the grid's own handler redraws the ticks): several changes, one scan.
    void nextTask().then(() => {
      due = false;
      void scan();
    });
  };

  /** A row's order: read now when it is drawn, else as last read, else from the page's data. */
  const orderOf = (key: string): Order | undefined => {
    const ref = drawn.get(key);
    const row = ref ? read(ref) : toOrder(o.locator.store, { ...o.extra?.get(key), productOrderNo: key } as RawFields);
    return 'order' in row ? row.order : latest.get(key);
  };
  const selection = (): string[] => {
    const keys = new Set(ticks.values());
    // The page's latest data set is the grid's when every drawn row is in it.
    const data = o.extra?.latest;
    if (all && data) {
      const set = new Set(data);
      if ([...drawn.keys()].every((k) => set.has(k))) for (const k of data) keys.add(k);
    }
    if (all) for (const k of all) keys.delete(k);
    return [...keys];
  };
  const bar = createBulkBar(o.doc, o.texts.bulk, () => {
    const orders = selection().flatMap((k) => orderOf(k) ?? []);
    if (orders.length) o.openCompose(orders);
  });

  /** Badges of the rows whose customer changed since they were asked for, 200 orders a message. */
  function askStatuses(orders: Order[]) {
    const fresh = orders.filter((ord) => asked.get(ord.productOrderNo) !== statusKey(ord));
    for (const ord of fresh) asked.set(ord.productOrderNo, statusKey(ord));
    for (let i = 0; i < fresh.length; i += 200)
      o.fetchStatuses(fresh.slice(i, i + 200)).then(
        (got) => {
          // Badges only: no need to read the grid again. An answer about a customer since read anew (the page's
          // buyer data came in) is stale even when it arrives last: the newer question's answer stands.
          if (!o.signal.aborted)
            for (const ord of fresh) {
              const k = ord.productOrderNo;
              const v = got[k];
              if (v && asked.get(k) === statusKey(ord)) {
                statuses.set(k, v);
                handles.get(k)?.setStatus(v);
              }
            }
        },
        () => undefined, // no badge is better than a wrong one; the button still works
      );
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

  /** The row's key without reading the row, when its admin can tell (a well-formed product order number). */
  function keyOf(ref: RowRef): string {
    const k = ref.key?.();
    return k == null ? read(ref).key : ITEM_KEY.test(k) ? k : `row-${ref.place}`;
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
        const order = orderOf(key);
        if (order) o.openCompose([order]);
      });
      if (handles.size >= MAX_CACHED) handles.clear(); // buttons in the page stay; only re-use is lost
      handles.set(key, handle);
    }
    pending.set(handle.host, anchor);
    placed.set(anchor, handle);
    return handle;
  }

  // Buttons go into the page together when the first pass ends: every change to a big grid's cells costs the
  // page a layout of the whole table, so once per scan rather than once per slice. The bulk bar comes or goes
  // just before: neither is a reason to scan again.
  function flush() {
    for (const [host, anchor] of pending) anchor.append(host);
    pending.clear();
    observer.takeRecords(); // our own moves: nothing for the observer to look at
  }

  // When this slice of a scan began: after SLICE_MS the page gets the main thread back.
  let since = 0;
  const spent = (i: number) => i % 4 === 3 && performance.now() - since > SLICE_MS;
  /** Yields; true when a newer scan (the grid changed again) took over, or the script was stopped. */
  const pause = async (run: number) => {
    await nextTask();
    since = performance.now();
    return o.signal.aborted || run !== generation;
  };

  async function scan() {
    if (o.signal.aborted) return;
    const run = ++generation;
    const refs = o.locator.locate(o.doc, o.url(), o.extra);
    const keys: string[] = [];
    const seen = new Set<string>();
    const now = new Map<string, RowRef>();
    let resync = !o.locator.virtual; // a grid that renders every row: its ticks are what the DOM shows
    since = performance.now();
    // First pass: a control on every row, from its key alone; ticks followed by the grid's row key.
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const key = keyOf(ref);
      keys.push(key);
      now.set(key, ref);
      const handle = place(ref.anchor, key);
      handle.setStatus(statuses.get(key));
      const at = ref.place;
      const had = ticks.get(at);
      if (ref.selected()) {
        // The same row key on another order: the grid's data was replaced (resetData restarts keys from 0).
        if (had && had !== key) resync = true;
        ticks.set(at, key);
        all?.delete(key);
        seen.add(at);
      } else {
        if (had) ticks.delete(at);
        // Unticked by the operator: out of the bulk. Else the page reset the ticks, of rows out of view too.
        if (touched.has(at) && (!had || had === key)) all?.add(key);
        else if (had || (all && !header?.checked && !all.has(key))) resync = true;
      }
      // A newer scan takes over, and puts in what this one made.
      if (spent(i) && (await pause(run))) return;
    }
    drawn = now;
    touched.clear();
    if (resync) {
      all = undefined;
      for (const place of ticks.keys()) if (!seen.has(place)) ticks.delete(place);
    }
    bar.update(selection().length);
    flush();
    // Second pass, from the next task: each row read and validated, its badge asked for with its slice's rows.
    // Of several scans in one task (the grid redraws in steps), only the last one's reads.
    if (await pause(run)) return;
    const orders: Order[] = [];
    for (let i = 0; i < refs.length; i++) {
      const reading = read(refs[i]!);
      const handle = handles.get(keys[i]!);
      if ('order' in reading) {
        handle?.setProblem(undefined);
        latest.set(keys[i]!, reading.order);
        orders.push(reading.order);
      } else {
        handle?.setProblem(o.problemText(reading.problem));
        handle?.setStatus(undefined);
      }
      if (spent(i)) {
        askStatuses(orders.splice(0));
        if (await pause(run)) return;
      }
    }
    askStatuses(orders);
  }

  // Our own changes are taken off its queue (flush). The scan starts in the callback: the page's change is in
  // (a render is one task), the frame with it not painted yet.
  const observer = new MutationObserver(() => void scan());
  observer.observe(o.doc.documentElement, { childList: true, subtree: true });
  o.doc.addEventListener(
    'change',
    (event) => {
      const box = event.target as HTMLInputElement;
      const place = box.closest?.('[data-row-key]')?.getAttribute('data-row-key');
      if (place != null) touched.add(place);
      // The header's tick box: every row is ticked, or none is, in view or not.
      else if (box.type === 'checkbox') {
        header = box;
        all = box.checked ? new Set() : undefined;
        if (!box.checked) ticks.clear();
      }
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
      askStatuses([...latest.values()]);
    },
  };
}
