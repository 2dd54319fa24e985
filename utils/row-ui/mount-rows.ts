import type { Order } from '@/utils/orders/order';
import type { OrderStatus } from '@/utils/messaging/protocol';
import type { Adapter, AdapterRow } from '@/utils/stores/types';
import { createRowButton, ROW_HOST, type RowHandle, type RowTexts } from './row-button';
import { createBulkBar } from './bulk-bar';

export interface MountOptions {
  doc: Document;
  url: () => URL;
  adapter: Adapter;
  texts: RowTexts & { bulk: (n: number) => string };
  signal: AbortSignal;
  /** Extra fields from the page's own data, by product order number. */
  extra?: Map<string, Partial<Order>>;
  openCompose: (orders: Order[]) => void;
  fetchStatuses: (orders: Order[]) => Promise<Record<string, OrderStatus>>;
  problemText: (p: { ko: string; en: string }) => string;
}

/**
 * Keeps exactly one button on every order row while the grid re-renders rows (scroll, sort, paging,
 * route changes): one MutationObserver, scans coalesced to one per animation frame, torn down on abort.
 */
export function mountRows(o: MountOptions): { scan(): void } {
  const statuses = new Map<string, OrderStatus>();
  const asked = new Set<string>();
  const handles = new Map<Element, RowHandle>();
  // The latest reading of each row: page data (e.g. the buyer id) can arrive after the button was made.
  const latest = new Map<string, Order>();
  let current: AdapterRow[] = [];
  let frame = 0;
  const bar = createBulkBar(o.doc, o.texts.bulk, () => {
    const picked = current.flatMap((r) => ('order' in r && r.selected ? [r.order] : []));
    if (picked.length) o.openCompose(picked);
  });

  async function askStatuses(orders: Order[]) {
    const fresh = orders.filter((ord) => !asked.has(ord.productOrderNo));
    if (!fresh.length) return;
    for (const ord of fresh) asked.add(ord.productOrderNo);
    try {
      const got = await o.fetchStatuses(fresh);
      for (const [k, v] of Object.entries(got)) statuses.set(k, v);
      if (!o.signal.aborted) schedule();
    } catch {
      // No badge is better than a wrong one; the button still works.
    }
  }

  function scan() {
    frame = 0;
    if (o.signal.aborted) return;
    current = o.adapter(o.doc, o.url(), o.extra);
    const orders: Order[] = [];
    for (const row of current) {
      let existing = row.anchor.querySelector(`:scope > ${ROW_HOST}`) as HTMLElement | null;
      if (existing && existing.dataset.key !== row.key) {
        existing.remove(); // the grid reused this cell for another order
        existing = null;
      }
      let handle = existing ? handles.get(existing) : undefined;
      if (!handle) {
        const key = row.key;
        handle = createRowButton(o.doc, key, o.texts, () => {
          const order = latest.get(key);
          if (order) o.openCompose([order]);
        }, 'problem' in row ? o.problemText(row.problem) : undefined);
        handles.set(handle.host, handle);
        row.anchor.append(handle.host);
      }
      if ('order' in row) {
        latest.set(row.key, row.order);
        orders.push(row.order);
        handle.setStatus(statuses.get(row.key));
      }
    }
    bar.update(current.filter((r) => r.selected).length);
    void askStatuses(orders);
  }

  function schedule() {
    if (!frame && !o.signal.aborted) frame = requestAnimationFrame(scan);
  }

  const observer = new MutationObserver((records) => {
    // Our own hosts appearing is not a reason to scan again.
    if (records.every((r) => [...r.addedNodes].every((n) => (n as Element).localName === ROW_HOST || (n as Element).localName === 'ordertalk-bulk'))) return;
    schedule();
  });
  observer.observe(o.doc.documentElement, { childList: true, subtree: true });
  o.doc.addEventListener('change', schedule, { capture: true, signal: o.signal });
  o.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    for (const h of o.doc.querySelectorAll(ROW_HOST)) h.remove();
    bar.remove();
  });
  scan();
  return { scan };
}
