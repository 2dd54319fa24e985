import type { Order } from '@/utils/shared/order';
import {
  FIELD_LABELS,
  fieldValue,
  maskPhone,
  phoneUsability,
  PHONE_PROBLEM_TEXT,
  variableMapping,
  type AlimtalkField,
  type Bilingual,
  type FieldContext,
} from '@/utils/shared/alimtalk';
import type { SyncedTemplate } from '@/utils/background/storage/alimtalk-templates';

// An AlimTalk is Kakao's approved template with the order's values in its `#{변수}`: SOLAPI fills the template from
// `variables`, so the preview is the template's content filled the same way, and nothing else can be sent.

/** Control characters never reach a message; values stay one line (a variable is not a place for a new paragraph). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e]/g, ' ').trim();

const STATUS_TEXT: Record<string, Bilingual> = {
  PENDING: { ko: '검수 전이에요', en: 'not yet submitted for review' },
  INSPECTING: { ko: '카카오 검수 중이에요', en: 'under Kakao review' },
  REJECTED: { ko: '카카오 검수에서 반려됐어요', en: 'rejected in Kakao review' },
};

/** Why a template cannot answer a notice: not approved, not sendable now, or a variable with no field. */
export function templateProblem(
  t: SyncedTemplate,
  mapping: Record<string, AlimtalkField | undefined>,
): Bilingual | undefined {
  if (t.status !== 'APPROVED') {
    const s = STATUS_TEXT[t.status] ?? { ko: `승인되지 않았어요(${t.status})`, en: `not approved (${t.status})` };
    return { ko: `${s.ko} — 승인된 템플릿만 보낼 수 있어요`, en: `${s.en} — only approved templates can be sent` };
  }
  if (!t.sendable)
    return {
      ko: '지금 보낼 수 없는 템플릿이에요(휴면·숨김) — 솔라피 콘솔에서 확인해 주세요',
      en: 'Not sendable now (dormant or hidden) — check it in the SOLAPI console',
    };
  const unmapped = Object.keys(mapping).filter((n) => !mapping[n]);
  if (unmapped.length) {
    const names = unmapped.map((n) => `#{${n}}`).join(' ');
    return { ko: `${names}에 넣을 주문 값을 정해 주세요`, en: `Choose the order value for ${names}` };
  }
  return undefined;
}

export type AlimtalkRendered =
  | {
      ok: true;
      text: string;
      /** `#{이름}` → value, as SOLAPI takes them. */
      variables: Record<string, string>;
      buttons: { name: string; type: string; url?: string }[];
      to: string;
      phoneMasked: string;
      renderedKey: string;
    }
  | { ok: false; reason: Bilingual };

export function renderAlimtalk(
  t: SyncedTemplate,
  saved: Partial<Record<string, AlimtalkField>>,
  order: Order,
  ctx: FieldContext,
): AlimtalkRendered {
  const { mapping } = variableMapping(t.content, saved);
  const problem = templateProblem(t, mapping);
  if (problem) return { ok: false, reason: problem };
  const phone = phoneUsability(order.buyerPhone);
  if (!phone.ok) return { ok: false, reason: PHONE_PROBLEM_TEXT[phone.problem] };
  const values: Record<string, string> = {};
  const missing: AlimtalkField[] = [];
  for (const [name, field] of Object.entries(mapping)) {
    const v = fieldValue(field!, order, ctx);
    if (v === undefined || !clean(v)) missing.push(field!);
    else values[name] = clean(v);
  }
  if (missing.length) {
    const labels = [...new Set(missing)].map((f) => FIELD_LABELS[f]);
    return {
      ok: false,
      reason: {
        ko: `이 주문에 ${labels.map((l) => l.ko).join(', ')} 값이 없어요`,
        en: `This order has no ${labels.map((l) => l.en).join(', ')}`,
      },
    };
  }
  // One pass: an inserted value that looks like "#{x}" is never filled again.
  const fill = (s: string) => s.replace(/#\{([^{}\n]{1,30})\}/g, (whole, n: string) => values[n.trim()] ?? whole);
  const text = fill(t.content);
  const buttons = t.buttons.map((b) => ({ ...b, ...(b.url && { url: fill(b.url) }) }));
  const variables = Object.fromEntries(Object.entries(values).map(([n, v]) => [`#{${n}}`, v]));
  const phoneMasked = maskPhone(phone.digits);
  return {
    ok: true,
    text,
    variables,
    buttons,
    to: phone.digits,
    phoneMasked,
    renderedKey: JSON.stringify({ t: t.templateId, text, buttons, to: phoneMasked }),
  };
}
