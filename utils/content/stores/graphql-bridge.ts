import * as z from 'zod/mini';
import { BRIDGE_REQUEST, BRIDGE_SOURCE } from './graphql-rows';
import { SMARTSTORE_FIELDS, type SmartstoreField } from './smartstore-fields';
import { text } from '@/utils/shared/order';
import { ITEM_KEY, type PageData } from './types';
import { foldText, toQuantity } from '@/utils/shared/order-fields';
import { nextTask, SLICE_MS } from '@/utils/content/next-task';

// The Smartstore order app fetches its rows from /o/v3/graphql. A MAIN-world hook (entrypoints/
// smartstore-graphql.content.ts) forwards the fields we need, keyed by productOrderNo, so columns
// virtualized out of the DOM still reach the order. It is page data: validated, and only fills gaps.

// The same building blocks as OrderSchema (see order.ts: this ships in the content script). The fields are
// those the hook copies (smartstore-fields.ts), as text (the quantity too); the product order number is the row's key.
const value = z.optional(text(300));
type Value = typeof value;
export const BridgeRowSchema = z.object({
  ...(Object.fromEntries(Object.keys(SMARTSTORE_FIELDS).map((k) => [k, value])) as Record<
    Exclude<SmartstoreField, 'productOrderNo'>,
    Value
  >),
  productOrderNo: z.string().check(z.refine((s) => ITEM_KEY.test(s))),
});

/**
 * One row of page data checked and kept in `into`; a bad row is skipped, not the message. Whitespace is folded
 * as cells show it first, so a value with a stray space still reads (and blanks drop out).
 */
function take(raw: unknown, into: PageData): string | undefined {
  const folded: Record<string, unknown> = {};
  // Anything but an object has no fields the schema takes (a string's characters have no productOrderNo).
  for (const [k, v] of Object.entries(raw ?? {})) {
    const f = typeof v === 'string' ? foldText(v) : v;
    if (f !== '') folded[k] = f;
  }
  const row = BridgeRowSchema.safeParse(folded);
  if (!row.success) return;
  const { productOrderNo, quantity, ...rest } = row.data;
  const n = quantity === undefined ? undefined : toQuantity(quantity);
  into.set(productOrderNo, { ...into.get(productOrderNo), ...rest, ...(n && { quantity: n }) });
  return productOrderNo;
}

/**
 * Listens for the hook's messages from this same window; keeps valid rows in `into`, checked in slices of a
 * few milliseconds like the row scan (a 5,000-row answer in one loop blocked the page for ~80 ms). Messages
 * are taken in order; `onRows` runs once a message's rows are all in. The keys of the newest answer (its
 * number `set`, counted by the hook) are `into.latest`: the grid's data set.
 */
export function listenToBridge(win: Window, into: PageData, onRows: () => void, signal: AbortSignal): void {
  const queue: [number, unknown[]][] = [];
  let newest = 0;
  let running = false;
  async function drain() {
    running = true;
    let start = performance.now();
    while (queue.length && !signal.aborted) {
      const [set, rows] = queue.shift()!;
      if (set > newest) [newest, into.latest] = [set, []];
      for (let i = 0; i < rows.length; i++) {
        const key = take(rows[i], into);
        if (key && set === newest) into.latest?.push(key);
        if (i % 8 === 7 && performance.now() - start > SLICE_MS) {
          await nextTask();
          if (signal.aborted) return;
          start = performance.now();
        }
      }
      onRows();
    }
    running = false;
  }
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win || event.origin !== win.location.origin) return;
      // The envelope is a tag and a list (at most 5,000 rows); each row in it is checked on its own.
      const { source, rows, set } = (event.data ?? {}) as { source?: unknown; rows?: unknown; set?: unknown };
      if (source !== BRIDGE_SOURCE || !Array.isArray(rows) || rows.length > 5000) return;
      queue.push([Number(set) || 0, rows]);
      if (!running) void drain();
    },
    { signal },
  );
  win.postMessage({ source: BRIDGE_REQUEST }, win.location.origin);
}
