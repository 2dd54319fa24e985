import * as z from 'zod/mini';

// An order row as read from a store admin. Adapters produce it; compose, linking and history consume it.
// Values are shown to the operator as read: masked values (010-****-1234) stay masked, never guessed.
// This schema ships in every content script, which must stay small (≤ 30 kB): it uses only the few zod/mini
// building blocks the content script needs anyway (object, string, number, optional, literal, refine);
// each extra kind of check adds about a kilobyte there.
export const STORE_IDS = ['smartstore', 'cafe24', 'godomall', 'custom'] as const;
export const StoreIdSchema = z.literal(STORE_IDS);
export type StoreId = z.infer<typeof StoreIdSchema>;

/** Text as a cell shows it: not blank, no surrounding whitespace (adapters fold and trim), at most `max`. */
export const text = (max: number) =>
  z.string().check(z.refine((s) => s.length > 0 && s.length <= max && s.trim() === s));

/** Longest text each field may hold; a longer cell is refused as too long (utils/shared/order-fields.ts). */
export const FIELD_MAX = {
  orderNo: 64,
  productOrderNo: 64,
  buyerName: 100,
  buyerId: 100,
  buyerPhone: 40,
  receiverName: 100,
  productName: 300,
  productOptions: 300,
  status: 60,
  courier: 60,
  trackingNo: 60,
} as const;

export const OrderSchema = z.object({
  store: StoreIdSchema,
  /** 주문번호 */
  orderNo: text(FIELD_MAX.orderNo),
  /** 상품주문번호: the unit a message is about (one order can hold several products). */
  productOrderNo: text(FIELD_MAX.productOrderNo),
  buyerName: text(FIELD_MAX.buyerName),
  buyerId: z.optional(text(FIELD_MAX.buyerId)),
  buyerPhone: z.optional(text(FIELD_MAX.buyerPhone)),
  receiverName: z.optional(text(FIELD_MAX.receiverName)),
  productName: text(FIELD_MAX.productName),
  productOptions: z.optional(text(FIELD_MAX.productOptions)),
  quantity: z.optional(z.number().check(z.refine((n) => Number.isInteger(n) && n > 0 && n <= 100_000))),
  status: z.optional(text(FIELD_MAX.status)),
  courier: z.optional(text(FIELD_MAX.courier)),
  trackingNo: z.optional(text(FIELD_MAX.trackingNo)),
});
export type Order = z.infer<typeof OrderSchema>;
