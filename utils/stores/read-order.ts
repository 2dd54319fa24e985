import { OrderSchema, type Order, type StoreId } from '@/utils/orders/order';
import type { Adapter, AdapterRow, Locator, RawFields, RowProblem, RowRef } from './types';

/** Text as a cell shows it: runs of whitespace folded to one space, trimmed. */
export function foldText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Visible text of a cell, whitespace folded; never markup. */
export function cellText(el: Element | null | undefined): string {
  return foldText(el?.textContent ?? '');
}

const FIELD_NAMES: Record<string, { ko: string; en: string }> = {
  orderNo: { ko: '주문번호', en: 'order number' },
  productOrderNo: { ko: '상품주문번호', en: 'product order number' },
  buyerName: { ko: '구매자명', en: 'buyer name' },
  productName: { ko: '상품명', en: 'product name' },
};

/** Validates what an adapter read; a row that fails says which field, in both languages. */
export function toOrder(store: StoreId, fields: RawFields): { order: Order } | { problem: RowProblem } {
  const cleaned: Record<string, unknown> = { store };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') cleaned[k] = v;
  for (const k of ['orderNo', 'productOrderNo'] as const) {
    const v = cleaned[k];
    if (typeof v === 'string' && !/^[0-9A-Za-z-]{4,64}$/.test(v)) {
      return { problem: { ko: `${FIELD_NAMES[k]!.ko}를 읽을 수 없어요: "${v.slice(0, 30)}"`, en: `Cannot read the ${FIELD_NAMES[k]!.en}: "${v.slice(0, 30)}"` } };
    }
  }
  const parsed = OrderSchema.safeParse(cleaned);
  if (parsed.success) return { order: parsed.data };
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  const name = FIELD_NAMES[field] ?? { ko: field, en: field };
  return { problem: { ko: `이 줄에서 ${name.ko}을(를) 찾을 수 없어요. 열이 숨겨져 있으면 표시해 주세요.`, en: `This row has no readable ${name.en}; show the column if it is hidden.` } };
}

export function toQuantity(text: string): number | undefined {
  const n = Number(text.replace(/[^0-9]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Reads one located row into an order, or the reason it cannot be read. */
export function readRow(store: StoreId, ref: RowRef): AdapterRow {
  const result = toOrder(store, ref.fields());
  return 'order' in result
    ? { anchor: ref.anchor, key: result.order.productOrderNo, order: result.order, selected: ref.selected() }
    : { anchor: ref.anchor, key: `row-${ref.place}`, problem: result.problem, selected: false };
}

/** The whole-page adapter of a locator: every row read at once (tests, previews). */
export function readAll(locator: Locator): Adapter {
  return (doc, url, extra) => locator.locate(doc, url, extra).map((ref) => readRow(locator.store, ref));
}
