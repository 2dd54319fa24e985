import { FIELD_MAX, OrderSchema, type Order, type StoreId } from './order';

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

// Names with whether they end in a final consonant (받침), for their particles: content scripts stay small
// without the josa helper.
const FIELD_NAMES: Record<string, { ko: string; batchim: boolean; en: string }> = {
  orderNo: { ko: '주문번호', batchim: false, en: 'order number' },
  productOrderNo: { ko: '상품주문번호', batchim: false, en: 'product order number' },
  buyerName: { ko: '구매자명', batchim: true, en: 'buyer name' },
  buyerId: { ko: '구매자 ID', batchim: false, en: 'buyer ID' },
  buyerPhone: { ko: '구매자 연락처', batchim: false, en: 'buyer phone' },
  receiverName: { ko: '수령자명', batchim: true, en: 'receiver name' },
  productName: { ko: '상품명', batchim: true, en: 'product name' },
  productOptions: { ko: '옵션', batchim: true, en: 'options' },
  quantity: { ko: '수량', batchim: true, en: 'quantity' },
  status: { ko: '주문 상태', batchim: false, en: 'order status' },
  courier: { ko: '택배사', batchim: false, en: 'courier' },
  trackingNo: { ko: '송장번호', batchim: false, en: 'tracking number' },
};
const object = (k: string) => {
  const n = FIELD_NAMES[k];
  return n ? `${n.ko}${n.batchim ? '을' : '를'}` : `${k}을(를)`;
};
const subject = (k: string) => {
  const n = FIELD_NAMES[k];
  return n ? `${n.ko}${n.batchim ? '이' : '가'}` : `${k}이(가)`;
};

/**
 * Set by an adapter (as `identity`) on a row whose item cannot be told apart from the other rows of its order:
 * such a row is refused rather than keyed by its position, which moves when a new order arrives and would let
 * the repeat guard miss an earlier send.
 */
export const AMBIGUOUS_ITEM = 'ambiguous-item';

const AMBIGUOUS_PROBLEM: RowProblem = {
  ko: '이 주문은 상품이 여러 줄인데, 줄마다 다른 상품주문번호(품목번호)를 찾지 못했어요. 같은 알림이 두 번 가지 않도록 이 줄에는 버튼을 달지 않아요.',
  en: 'This order has several item rows and no item number tells them apart; to never send the same notice twice, this row gets no button.',
};

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

/** Validates what an adapter read; a row that fails says which field, in both languages. */
export function toOrder(store: StoreId, fields: RawFields): { order: Order } | { problem: RowProblem } {
  if (fields.identity === AMBIGUOUS_ITEM) return { problem: AMBIGUOUS_PROBLEM };
  const cleaned: Record<string, unknown> = { store };
  for (const [k, v] of Object.entries(fields)) if (k !== 'identity' && v !== undefined && v !== '') cleaned[k] = v;
  for (const [k, max] of Object.entries(FIELD_MAX)) {
    const v = cleaned[k];
    if (typeof v === 'string' && v.length > max) {
      const name = FIELD_NAMES[k]!;
      return {
        problem: {
          ko: `${subject(k)} 너무 길어요: ${v.length.toLocaleString('ko-KR')}자예요 (최대 ${max}자). 관리자 화면의 값을 확인해 주세요.`,
          en: `The ${name.en} is too long: ${v.length.toLocaleString('en-US')} characters (at most ${max}). Check the value in the admin.`,
        },
      };
    }
  }
  for (const k of ['orderNo', 'productOrderNo'] as const) {
    const v = cleaned[k];
    if (typeof v === 'string' && !/^[0-9A-Za-z-]{4,64}$/.test(v)) {
      return {
        problem: {
          ko: `${object(k)} 읽을 수 없어요: "${v.slice(0, 30)}"`,
          en: `Cannot read the ${FIELD_NAMES[k]!.en}: "${v.slice(0, 30)}"`,
        },
      };
    }
  }
  const parsed = OrderSchema.safeParse(cleaned);
  if (parsed.success) return { order: parsed.data };
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  const name = FIELD_NAMES[field] ?? { en: field };
  return {
    problem: {
      ko: `이 줄에서 ${object(field)} 찾을 수 없어요. 열이 숨겨져 있으면 표시해 주세요.`,
      en: `This row has no readable ${name.en}; show the column if it is hidden.`,
    },
  };
}

export function toQuantity(text: string): number | undefined {
  const n = Number(text.replace(/[^0-9]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
