import * as z from 'zod/mini';
import { BRIDGE_REQUEST, BRIDGE_SOURCE } from './graphql-rows';
import type { Order } from '@/utils/orders/order';

// The Smartstore order app fetches its rows from /o/v3/graphql. A MAIN-world hook (entrypoints/
// smartstore-graphql.content.ts) forwards the fields we need, keyed by productOrderNo, so columns
// virtualized out of the DOM still reach the order. It is page data: validated, and only fills gaps.

const value = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300)));
export const BridgeRowSchema = z.object({
  productOrderNo: z.string().check(z.regex(/^[0-9A-Za-z-]{4,64}$/)),
  orderNo: value,
  buyerName: value,
  buyerId: value,
  buyerPhone: value,
  receiverName: value,
  productName: value,
  productOptions: value,
  status: value,
  courier: value,
  trackingNo: value,
});
const MessageSchema = z.object({ source: z.literal(BRIDGE_SOURCE), rows: z.array(z.unknown()).check(z.maxLength(5000)) });

/** Listens for the hook's messages from this same window; keeps valid rows in `into`. */
export function listenToBridge(win: Window, into: Map<string, Partial<Order>>, onRows: () => void, signal: AbortSignal): void {
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win || event.origin !== win.location.origin) return;
      const msg = MessageSchema.safeParse(event.data);
      if (!msg.success) return;
      for (const raw of msg.data.rows) {
        const row = BridgeRowSchema.safeParse(raw);
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
