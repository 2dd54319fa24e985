import { z } from 'zod';
import { OrderSchema } from '@/utils/orders/order';

// The one message map between contexts. Each entry names who may send it: `content` (content scripts on
// store admins — reachable by page scripts' influence, so never allowed to send) or `page` (the extension's
// own popup/options/compose/history pages). The background validates input and output with these schemas.
export type Caller = 'content' | 'page';

export const OrderStatusSchema = z.object({
  state: z.enum(['linked', 'needs-link', 'unreachable', 'sent', 'unknown']),
  reasonKo: z.string().optional(),
  reasonEn: z.string().optional(),
});
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

const Ok = z.object({ ok: z.literal(true) });

export const protocol = {
  ping: { callers: ['content', 'page'], input: z.object({}), output: Ok },
  /** Badges on order rows: what the background knows about each order's customer. */
  'order.status': {
    callers: ['content', 'page'],
    input: z.object({ orders: z.array(OrderSchema).max(2000) }),
    output: z.object({ statuses: z.record(z.string(), OrderStatusSchema) }),
  },
  /** Opens the compose window for these orders. Sends nothing: Send is clicked inside that window. */
  'compose.open': {
    callers: ['content', 'page'],
    input: z.object({ orders: z.array(OrderSchema).min(1).max(100) }),
    output: Ok,
  },
} as const satisfies Record<string, { callers: readonly Caller[]; input: z.ZodType; output: z.ZodType }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Input<T extends MessageType> = z.input<Protocol[T]['input']>;
export type Output<T extends MessageType> = z.output<Protocol[T]['output']>;

/** Errors cross the boundary as data, in both languages, never as thrown strings. */
export const WireErrorSchema = z.object({
  code: z.string(),
  ko: z.string(),
  en: z.string(),
  fixKo: z.string().optional(),
  fixEn: z.string().optional(),
  action: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

export const EnvelopeSchema = z.object({ type: z.string(), input: z.unknown() });
export const ReplySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);
