import { z } from 'zod';

// An order row as read from a store admin. Adapters produce it; compose, linking and history consume it.
// Values are shown to the operator as read: masked values (010-****-1234) stay masked, never guessed.
export const StoreIdSchema = z.enum(['smartstore', 'cafe24', 'godomall', 'custom']);
export type StoreId = z.infer<typeof StoreIdSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const OrderSchema = z.object({
  store: StoreIdSchema,
  /** 주문번호 */
  orderNo: text(64),
  /** 상품주문번호: the unit a message is about (one order can hold several products). */
  productOrderNo: text(64),
  buyerName: text(100),
  buyerId: text(100).optional(),
  buyerPhone: text(40).optional(),
  receiverName: text(100).optional(),
  productName: text(300),
  productOptions: text(300).optional(),
  quantity: z.number().int().positive().max(100_000).optional(),
  status: text(60).optional(),
  courier: text(60).optional(),
  trackingNo: text(60).optional(),
});
export type Order = z.infer<typeof OrderSchema>;
