import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { Order } from '@/utils/orders/order';
import type { OrderStatus } from './protocol';

// The two calls a content script may make, with replies checked by zod/mini so the content-script bundle
// stays small (the full message map lives in protocol.ts and the background checks it there).
const Status = z.object({
  state: z.enum(['linked', 'needs-link', 'unreachable', 'sent', 'unknown']),
  reasonKo: z.optional(z.string()),
  reasonEn: z.optional(z.string()),
});
const Reply = <T extends z.core.$ZodType>(value: T) =>
  z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: z.object({ code: z.string(), ko: z.string(), en: z.string() }) })]);
const StatusReply = Reply(z.object({ statuses: z.record(z.string(), Status) }));
const OkReply = Reply(z.object({ ok: z.literal(true) }));

export async function fetchOrderStatuses(orders: Order[]): Promise<Record<string, OrderStatus>> {
  const reply = StatusReply.parse(await browser.runtime.sendMessage({ type: 'order.status', input: { orders } }));
  if (!reply.ok) throw new Error(reply.error.en);
  return reply.value.statuses;
}

export async function openCompose(orders: Order[]): Promise<void> {
  const reply = OkReply.parse(await browser.runtime.sendMessage({ type: 'compose.open', input: { orders } }));
  if (!reply.ok) throw new Error(reply.error.en);
}
