import * as z from 'zod/mini';

// An order row as read from a store admin. Adapters produce it; compose, linking and history consume it.
// Values are shown to the operator as read: masked values (010-****-1234) stay masked, never guessed.
// zod/mini: this schema ships in every content script, which must stay small.
export const StoreIdSchema = z.enum(['smartstore', 'cafe24', 'godomall', 'custom']);
export type StoreId = z.infer<typeof StoreIdSchema>;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

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
  quantity: z.optional(z.number().check(z.int(), z.positive(), z.maximum(100_000))),
  status: z.optional(text(60)),
  courier: z.optional(text(60)),
  trackingNo: z.optional(text(60)),
});
export type Order = z.infer<typeof OrderSchema>;
