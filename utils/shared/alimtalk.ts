import type { Order } from './order';

// AlimTalk (알림톡) facts the background and pages share: which order fields a template variable can take, how a
// variable name is matched to one, when a buyer's phone number can be used, and which channel an order goes by.
// Template variables are written `#{이름}` in a template's content (docs/reference and
// ../shared/reference/solapi.md §5.1: parse `content`, the `variables` field's form is UNCONFIRMED).

export const ALIMTALK_FIELDS = [
  'buyerName',
  'receiverName',
  'productName',
  'productOptions',
  'quantity',
  'orderNo',
  'productOrderNo',
  'courier',
  'trackingNo',
  'storeName',
  'storeUrl',
] as const;
export type AlimtalkField = (typeof ALIMTALK_FIELDS)[number];

/**
 * Variable names operators commonly give their templates, spaces ignored, → the field they mean. One table: a
 * name missing here is mapped by hand in options and saved with the template. (Which names real SOLAPI
 * templates use is the operator's choice — this list is a guess at the common ones, cheap to extend.)
 */
const AUTO_MAP: Record<string, AlimtalkField> = {
  고객명: 'buyerName',
  구매자명: 'buyerName',
  구매자: 'buyerName',
  주문자명: 'buyerName',
  주문자: 'buyerName',
  이름: 'buyerName',
  성함: 'buyerName',
  회원명: 'buyerName',
  수령인: 'receiverName',
  수령인명: 'receiverName',
  수취인: 'receiverName',
  수취인명: 'receiverName',
  받는분: 'receiverName',
  상품명: 'productName',
  상품: 'productName',
  제품명: 'productName',
  옵션: 'productOptions',
  상품옵션: 'productOptions',
  옵션명: 'productOptions',
  수량: 'quantity',
  주문수량: 'quantity',
  주문번호: 'orderNo',
  상품주문번호: 'productOrderNo',
  택배사: 'courier',
  택배회사: 'courier',
  배송사: 'courier',
  송장번호: 'trackingNo',
  운송장번호: 'trackingNo',
  운송장: 'trackingNo',
  스토어명: 'storeName',
  쇼핑몰명: 'storeName',
  상점명: 'storeName',
  업체명: 'storeName',
  스토어: 'storeName',
  쇼핑몰: 'storeName',
  링크: 'storeUrl',
  스토어주소: 'storeUrl',
  쇼핑몰주소: 'storeUrl',
  url: 'storeUrl',
};

/** The `#{…}` variables of a template's content, each once, in order of appearance. */
export function templateVariables(content: string): string[] {
  return [...new Set([...content.matchAll(/#\{([^{}\n]{1,30})\}/g)].map((m) => m[1]!.trim()))].filter(Boolean);
}

export function autoMapVariable(name: string): AlimtalkField | undefined {
  return AUTO_MAP[name.replace(/\s+/g, '').toLowerCase()];
}

/** Every variable of the content → its field: the saved choice first, else the name's usual meaning. */
export function variableMapping(
  content: string,
  saved: Partial<Record<string, AlimtalkField>> = {},
): { mapping: Record<string, AlimtalkField | undefined>; unmapped: string[] } {
  const mapping: Record<string, AlimtalkField | undefined> = {};
  for (const name of templateVariables(content)) mapping[name] = saved[name] ?? autoMapVariable(name);
  return { mapping, unmapped: Object.keys(mapping).filter((n) => !mapping[n]) };
}

export type PhoneProblem = 'missing' | 'masked' | 'safe-number' | 'not-mobile';

/**
 * Whether an order's buyer phone can take an AlimTalk: a Korean mobile number shown in full. A masked number
 * (010-****-1234) is never guessed; a 050x safe number (안심번호) forwards calls, not KakaoTalk, so AlimTalk
 * cannot find the buyer's KakaoTalk by it.
 */
export function phoneUsability(
  phone: string | undefined,
): { ok: true; digits: string } | { ok: false; problem: PhoneProblem } {
  const raw = (phone ?? '').trim();
  if (!raw) return { ok: false, problem: 'missing' };
  if (/[*xX•●]/.test(raw)) return { ok: false, problem: 'masked' };
  let digits = raw.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+82')) digits = `0${digits.slice(3)}`;
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'not-mobile' };
  if (/^050\d/.test(digits)) return { ok: false, problem: 'safe-number' };
  if (!/^01[016789]\d{7,8}$/.test(digits)) return { ok: false, problem: 'not-mobile' };
  return { ok: true, digits };
}

/** 010-1234-5678 → 010-****-5678: what history keeps; the full number is read from the page at send time. */
export function maskPhone(digits: string): string {
  const tail = digits.slice(-4);
  const head = digits.slice(0, 3);
  return `${head}-****-${tail}`;
}

export interface FieldContext {
  storeName: string;
  storeUrl: string;
}

/** The order's value for a field, as text; undefined when this order has none. */
export function fieldValue(field: AlimtalkField, order: Order, ctx: FieldContext): string | undefined {
  switch (field) {
    case 'storeName':
      return ctx.storeName || undefined;
    case 'storeUrl':
      return ctx.storeUrl || undefined;
    case 'quantity':
      return order.quantity === undefined ? undefined : String(order.quantity);
    default:
      return order[field] || undefined;
  }
}

export type Channel = 'friend' | 'alimtalk';

export interface Bilingual {
  ko: string;
  en: string;
}

export interface ChannelEligibility {
  friend: { ok: boolean; reason?: Bilingual };
  alimtalk: { ok: boolean; reason?: Bilingual };
}

export interface ChannelChoice {
  channel: Channel | 'none';
  /** Why this channel, when it is not the first choice ("친구 메시지 불가: … → 알림톡"), or why none. */
  explanation?: Bilingual;
}

/**
 * One channel per order: the operator's pick when it can reach the order, else the free friend message, else
 * AlimTalk; none only when neither can. Never both: the result names exactly one channel or none.
 */
export function chooseChannel(e: ChannelEligibility, preferred?: Channel): ChannelChoice {
  if (preferred && e[preferred].ok) {
    const other: Channel = preferred === 'friend' ? 'alimtalk' : 'friend';
    // The operator moved an order off the free channel: say it costs, nothing else to explain.
    return preferred === 'alimtalk' && e[other].ok
      ? { channel: preferred, explanation: { ko: '직접 알림톡으로 바꿨어요', en: 'Switched to AlimTalk by you' } }
      : { channel: preferred };
  }
  if (e.friend.ok) return { channel: 'friend' };
  if (e.alimtalk.ok)
    return {
      channel: 'alimtalk',
      explanation: {
        ko: `친구 메시지 불가: ${e.friend.reason?.ko ?? '보낼 수 없음'} → 알림톡`,
        en: `No friend message: ${e.friend.reason?.en ?? 'not possible'} → AlimTalk`,
      },
    };
  return {
    channel: 'none',
    explanation: {
      ko: `보낼 수 없음 — 친구 메시지: ${e.friend.reason?.ko ?? '불가'} · 알림톡: ${e.alimtalk.reason?.ko ?? '불가'}`,
      en: `Cannot send — friend message: ${e.friend.reason?.en ?? 'not possible'} · AlimTalk: ${e.alimtalk.reason?.en ?? 'not possible'}`,
    },
  };
}

/** Why an order's phone cannot take an AlimTalk, in the operator's words. */
export const PHONE_PROBLEM_TEXT: Record<PhoneProblem, Bilingual> = {
  missing: {
    ko: '구매자 전화번호가 이 화면에 없어요 — 발주/발송관리에서 열어 주세요',
    en: "The buyer's phone is not on this page — open the order from 발주/발송관리",
  },
  masked: {
    ko: '전화번호가 가려져 있어요(010-****-1234) — 발주/발송관리에서 열면 전체 번호가 보여요',
    en: 'The phone number is masked (010-****-1234) — 발주/발송관리 shows it in full',
  },
  'safe-number': {
    ko: '050 안심번호라 알림톡이 카카오톡을 찾을 수 없어요',
    en: 'A 050 safe number: AlimTalk cannot find a KakaoTalk account by it',
  },
  'not-mobile': {
    ko: '휴대전화 번호(010…)가 아니에요',
    en: 'Not a mobile number (010…)',
  },
};

/** Field names for the mapping editor and problems, Korean first. */
export const FIELD_LABELS: Record<AlimtalkField, Bilingual> = {
  buyerName: { ko: '구매자명', en: 'Buyer name' },
  receiverName: { ko: '수령인', en: 'Receiver' },
  productName: { ko: '상품명', en: 'Product' },
  productOptions: { ko: '옵션', en: 'Options' },
  quantity: { ko: '수량', en: 'Quantity' },
  orderNo: { ko: '주문번호', en: 'Order no.' },
  productOrderNo: { ko: '상품주문번호', en: 'Product order no.' },
  courier: { ko: '택배사', en: 'Courier' },
  trackingNo: { ko: '송장번호', en: 'Tracking no.' },
  storeName: { ko: '스토어명', en: 'Store name' },
  storeUrl: { ko: '스토어 주소', en: 'Store URL' },
};
