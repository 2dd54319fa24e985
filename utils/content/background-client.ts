import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { text, type Order } from '@/utils/shared/order';
import type { OrderStatus } from '@/utils/shared/protocol';

// The two calls a content script may make. Replies are checked with the same few zod/mini building blocks
// as OrderSchema (object, string, optional, literal, refine; lists item by item), so the content-script
// bundle stays small. The full message map lives in protocol.ts and the background checks it there.
const STATES = ['linked', 'needs-link', 'unreachable', 'sent', 'unknown'] as const;
const StatusItem = z.object({
  productOrderNo: text(64),
  state: z.literal(STATES),
});
const Reply = z.object({ ok: z.literal([true, false]), error: z.optional(z.object({ en: z.string() })) });
const OkValue = z.object({ ok: z.literal(true) });

/** The reply's value once the reply says ok; lists are checked item by item by the caller. */
function unwrap(raw: unknown): unknown {
  const reply = Reply.parse(raw);
  if (!reply.ok) throw new Error(reply.error?.en ?? 'refused');
  return (raw as { value?: unknown }).value;
}

export async function fetchOrderStatuses(orders: Order[]): Promise<Record<string, OrderStatus>> {
  const value = unwrap(await browser.runtime.sendMessage({ type: 'order.status', input: { orders } })) as {
    statuses?: unknown;
  };
  if (!Array.isArray(value?.statuses)) throw new Error('no statuses');
  const out: Record<string, OrderStatus> = {};
  for (const item of value.statuses) {
    const { productOrderNo, ...status } = StatusItem.parse(item);
    out[productOrderNo] = status;
  }
  return out;
}

export async function openCompose(orders: Order[]): Promise<void> {
  OkValue.parse(unwrap(await browser.runtime.sendMessage({ type: 'compose.open', input: { orders } })));
}
