import * as z from 'zod/mini';

// An order row as read from a store admin. Adapters produce it; compose, linking and history consume it.
// Values are shown to the operator as read: masked values (010-****-1234) stay masked, never guessed.
// This schema ships in every content script, which must stay small (≤ 30 kB): it uses only the few zod/mini
// building blocks the content script needs anyway (object, string, number, optional, literal, refine);
// each extra kind of check adds about a kilobyte there.
export const STORE_IDS = ['smartstore', 'cafe24', 'godomall', 'custom'] as const;
export const StoreIdSchema = z.literal(STORE_IDS);
export type StoreId = z.infer<typeof StoreIdSchema>;

/**
 * Text as a cell shows it: not blank, no surrounding whitespace (adapters fold and trim), at most `max`. The
 * issue's message is `max`, so a row can be told its cell is too long (toOrder in order-fields.ts).
 */
export const text = (max: number) =>
  z.string().check(z.refine((s) => s.length > 0 && s.length <= max && s.trim() === s, String(max)));

export const OrderSchema = z.object({
  store: StoreIdSchema,
  /** 주문번호 */
  orderNo: text(64),
  /** 상품주문번호: the unit a message is about (one order can hold several products). */
  productOrderNo: text(64),
  buyerName: text(100),
  buyerId: z.optional(text(100)),
  buyerPhone: z.optional(text(40)),
  receiverName: z.optional(text(100)),
  productName: text(300),
  productOptions: z.optional(text(300)),
  quantity: z.optional(z.number().check(z.refine((n) => Number.isInteger(n) && n > 0 && n <= 100_000))),
  status: z.optional(text(60)),
  courier: z.optional(text(60)),
  trackingNo: z.optional(text(60)),
});
export type Order = z.infer<typeof OrderSchema>;
