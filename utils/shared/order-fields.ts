import { OrderSchema, type Order, type StoreId } from './order';

// A row's fields as an admin page shows them, checked into an Order. Pure: the content scripts read rows
// with it, and the background reads the custom-admin preview (run in the admin tab) with the same rules.

/** A row's fields as found on the page, before validation. */
export type RawFields = Record<string, string | number | undefined>;

/** Why a row cannot be read, in both languages. */
export interface RowProblem {
  ko: string;
  en: string;
}

/** Text as a cell shows it: runs of whitespace folded to one space, trimmed. */
export function foldText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
      return {
        problem: {
          ko: `${FIELD_NAMES[k]!.ko}를 읽을 수 없어요: "${v.slice(0, 30)}"`,
          en: `Cannot read the ${FIELD_NAMES[k]!.en}: "${v.slice(0, 30)}"`,
        },
      };
    }
  }
  const parsed = OrderSchema.safeParse(cleaned);
  if (parsed.success) return { order: parsed.data };
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  const name = FIELD_NAMES[field] ?? { ko: field, en: field };
  return {
    problem: {
      ko: `이 줄에서 ${name.ko}을(를) 찾을 수 없어요. 열이 숨겨져 있으면 표시해 주세요.`,
      en: `This row has no readable ${name.en}; show the column if it is hidden.`,
    },
  };
}

export function toQuantity(text: string): number | undefined {
  const n = Number(text.replace(/[^0-9]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
