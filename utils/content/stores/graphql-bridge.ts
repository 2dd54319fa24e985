import * as z from 'zod/mini';
import { BRIDGE_REQUEST, BRIDGE_SOURCE } from './graphql-rows';
import { SMARTSTORE_FIELDS, type SmartstoreField } from './smartstore-fields';
import { text, type Order } from '@/utils/shared/order';
import { foldText } from '@/utils/shared/order-fields';

// The Smartstore order app fetches its rows from /o/v3/graphql. A MAIN-world hook (entrypoints/
// smartstore-graphql.content.ts) forwards the fields we need, keyed by productOrderNo, so columns
// virtualized out of the DOM still reach the order. It is page data: validated, and only fills gaps.

// The same building blocks as OrderSchema (see order.ts: this ships in the content script). The fields are
// those the hook copies (smartstore-fields.ts); the product order number is the row's key.
const value = z.optional(text(300));
type Value = typeof value;
export const BridgeRowSchema = z.object({
  ...(Object.fromEntries(Object.keys(SMARTSTORE_FIELDS).map((k) => [k, value])) as Record<
    Exclude<SmartstoreField, 'productOrderNo'>,
    Value
  >),
  productOrderNo: z.string().check(z.refine((s) => /^[0-9A-Za-z-]{4,64}$/.test(s))),
});

/** Whitespace folded as cells show it, so a value with a stray space still reads (and blanks drop out). */
function foldRow(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const folded = typeof v === 'string' ? foldText(v) : v;
    if (folded !== '') out[k] = folded;
  }
  return out;
}

/** Listens for the hook's messages from this same window; keeps valid rows in `into`. */
export function listenToBridge(
  win: Window,
  into: Map<string, Partial<Order>>,
  onRows: () => void,
  signal: AbortSignal,
): void {
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win || event.origin !== win.location.origin) return;
      // The envelope is a tag and a list; each row in it is checked by BridgeRowSchema on its own (a bad row
      // is skipped, not the message), at most 5,000 of them.
      const { source, rows } = (event.data ?? {}) as { source?: unknown; rows?: unknown };
      if (source !== BRIDGE_SOURCE || !Array.isArray(rows) || rows.length > 5000) return;
      for (const raw of rows) {
        const row = BridgeRowSchema.safeParse(foldRow(raw));
        if (!row.success) continue;
        const { productOrderNo, ...rest } = row.data;
        into.set(productOrderNo, { ...into.get(productOrderNo), ...rest });
      }
      onRows();
    },
    { signal },
  );
  win.postMessage({ source: BRIDGE_REQUEST }, win.location.origin);
}
