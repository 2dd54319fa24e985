import { OrderSchema, type Order, type StoreId } from './order';

// A row's fields as an admin page shows them, checked into an Order. Pure: the content scripts read rows
// with it, and the background reads the custom-admin preview (run in the admin tab) with the same rules.

/** A row's fields as found on the page, before validation. */
export type RawFields = Record<string, string | number | undefined>;

/**
 * Why a row cannot be read, as a code: its words live in the locales (`rowProblem.*`, `rowField.*`), so the
 * content scripts, which must stay small, carry no sentences (utils/content/row-ui/row-problem-text.ts).
 */
export interface RowProblem {
  reason: 'missing' | 'unreadable' | 'tooLong' | 'ambiguousItem';
  field?: string;
  length?: number;
  max?: number;
  value?: string;
}

/** Text as a cell shows it: runs of whitespace folded to one space, trimmed. */
export function foldText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Set by an adapter (as `identity`) on a row whose item cannot be told apart from the other rows of its order:
 * such a row is refused rather than keyed by its position, which moves when a new order arrives and would let
 * the repeat guard miss an earlier send.
 */
export const AMBIGUOUS_ITEM = 'ambiguous-item';

/**
 * The product order number of a row: the admin's own item key, else the order number when the order has
 * just this one row on the page, else none (the row is refused with AMBIGUOUS_ITEM).
 */
export function itemKeyFields(
  orderNo: string | undefined,
  ownKey: string | undefined,
  rowsOfOrder: number,
): { productOrderNo?: string; identity?: string } {
  if (ownKey) return { productOrderNo: ownKey };
  if (!orderNo) return {};
  return rowsOfOrder <= 1 ? { productOrderNo: orderNo } : { identity: AMBIGUOUS_ITEM };
}

/** Validates what an adapter read; a row that fails says which field and why. */
export function toOrder(store: StoreId, fields: RawFields): { order: Order } | { problem: RowProblem } {
  if (fields.identity === AMBIGUOUS_ITEM) return { problem: { reason: 'ambiguousItem' } };
  const cleaned: Record<string, unknown> = { store };
  for (const [k, v] of Object.entries(fields)) if (k !== 'identity' && v !== undefined && v !== '') cleaned[k] = v;
  for (const field of ['orderNo', 'productOrderNo']) {
    const v = cleaned[field];
    if (typeof v === 'string' && !/^[0-9A-Za-z-]{4,64}$/.test(v))
      return { problem: { reason: 'unreadable', field, value: v.slice(0, 30) } };
  }
  const parsed = OrderSchema.safeParse(cleaned);
  if (parsed.success) return { order: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const v = cleaned[field];
  const max = Number(issue?.message);
  // A cell that is there but longer than its field's limit is too long, not missing.
  return typeof v === 'string' && v.length > max
    ? { problem: { reason: 'tooLong', field, length: v.length, max } }
    : { problem: { reason: 'missing', field } };
}

export function toQuantity(text: string): number | undefined {
  const n = Number(text.replace(/[^0-9]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
