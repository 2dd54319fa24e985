import { z } from 'zod';
import { withJosa } from './korean';
import { hostOf, urlInLinkDomains } from './link-domains';

// Message templates the operator picks in compose. Built-ins are Korean and editable copies can be saved.
// Built-in bodies put no particle right after a variable: "{상품명}을" would read "350ml을" (say 밀리리터를).
export const VARIABLES = ['구매자명', '상품명', '주문번호', '택배사', '송장번호', '스토어명', '링크'] as const;
export type Variable = (typeof VARIABLES)[number];

export const TemplateSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(40),
  layout: z.enum(['text', 'feed', 'commerce']),
  /** feed/commerce title */
  title: z.string().max(200).optional(),
  body: z.string().max(1000),
  imageUrl: z.url({ protocol: /^https$/ }).optional(),
  price: z.number().int().min(0).optional(),
  buttons: z.array(z.object({ title: z.string().trim().min(1).max(14), url: z.string().max(500) })).max(2),
  builtIn: z.boolean().default(false),
});
export type Template = z.infer<typeof TemplateSchema>;

export const FREE_TEXT_ID = 'free-text';

export const BUILT_IN_TEMPLATES: Template[] = [
  {
    id: 'order-confirmed',
    name: '주문 확인',
    layout: 'text',
    body: '{구매자명}님, {스토어명}입니다. 주문하신 {상품명} 주문(주문번호 {주문번호})을 확인했어요. 정성껏 준비해서 보내 드릴게요.',
    buttons: [{ title: '스토어 보기', url: '{링크}' }],
    builtIn: true,
  },
  {
    id: 'shipped',
    name: '발송 완료',
    layout: 'text',
    body: '{구매자명}님, 주문하신 상품을 보냈어요.\n상품: {상품명}\n택배사: {택배사}\n송장번호: {송장번호}\n택배사 앱이나 홈페이지에서 배송을 조회하실 수 있어요. - {스토어명}',
    buttons: [{ title: '스토어 보기', url: '{링크}' }],
    builtIn: true,
  },
  {
    id: 'delayed',
    name: '배송 지연 안내',
    layout: 'text',
    body: '{구매자명}님, {스토어명}입니다. 주문하신 {상품명}(주문번호 {주문번호}) 발송이 늦어지고 있어 죄송합니다. 준비되는 대로 바로 보내 드리고 다시 알려 드릴게요.',
    buttons: [{ title: '문의하기', url: '{링크}' }],
    builtIn: true,
  },
  {
    id: 'thanks',
    name: '구매 확정 감사',
    layout: 'text',
    body: '{구매자명}님, {상품명} 구매를 확정해 주셔서 감사합니다. 다음에도 {스토어명}에서 좋은 상품으로 찾아뵐게요.',
    buttons: [{ title: '스토어 보기', url: '{링크}' }],
    builtIn: true,
  },
  {
    id: FREE_TEXT_ID,
    name: '직접 입력',
    layout: 'text',
    body: '',
    buttons: [{ title: '스토어 보기', url: '{링크}' }],
    builtIn: true,
  },
];

export interface TemplateProblem {
  code: 'unknown-variable' | 'button-scheme' | 'button-https' | 'button-domain';
  ko: string;
  en: string;
}

const KNOWN_LIST = VARIABLES.map((v) => `{${v}}`).join(' ');
// A scheme that runs script or carries its own content: never a button in a customer's KakaoTalk.
const FORBIDDEN_SCHEME = /^\s*(javascript|data|vbscript|blob|file):/i;

/**
 * What the template editor refuses, each said where it was entered: a variable that does not exist (with the
 * ones that do), a button link that is not https, or one outside the link domains registered with Kakao
 * (KakaoTalk would not open it). `{링크}` is the store URL from settings and always allowed.
 */
export function templateProblems(
  t: Pick<Template, 'title' | 'body' | 'buttons'>,
  linkDomains: readonly string[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const texts = [t.title ?? '', t.body, ...t.buttons.flatMap((b) => [b.title, b.url])];
  const unknown = [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/\{([^{}\n]{1,20})\}/g)].map((m) => m[1]!))),
  ].filter((name) => !(VARIABLES as readonly string[]).includes(name));
  if (unknown.length) {
    const names = unknown.map((n) => `{${n}}`).join(' ');
    problems.push({
      code: 'unknown-variable',
      ko: `없는 변수 ${withJosa(names, 'subject')} 있어요. 쓸 수 있는 변수: ${KNOWN_LIST}`,
      en: `Unknown ${unknown.length > 1 ? 'variables' : 'variable'} ${names}. Known: ${KNOWN_LIST}`,
    });
  }
  t.buttons.forEach((b, i) => {
    const url = b.url.trim();
    const n = i + 1;
    if (!url || url.startsWith('{링크}')) return;
    const scheme = FORBIDDEN_SCHEME.exec(url)?.[1]?.toLowerCase();
    if (scheme) {
      problems.push({
        code: 'button-scheme',
        ko: `버튼 ${n}의 주소는 "${scheme}:" 주소예요. 고객의 카카오톡에서 스크립트를 실행하거나 내용을 숨길 수 있어서 쓸 수 없어요. https://로 시작하는 주소나 {링크}를 넣어 주세요.`,
        en: `Button ${n}'s link starts with "${scheme}:", which could run script or hide content in the customer's KakaoTalk. Use an https:// address or {링크}.`,
      });
      return;
    }
    // Variables in the path ({주문번호}) are filled per order; the scheme and host must hold already.
    const filled = url.replace(/\{[^{}]*\}/g, 'x');
    const host = hostOf(filled);
    if (!host) {
      problems.push({
        code: 'button-https',
        ko: `버튼 ${n}의 주소는 https://로 시작해야 해요.`,
        en: `Button ${n}'s link must start with https://.`,
      });
      return;
    }
    if (!urlInLinkDomains(filled, linkDomains)) {
      problems.push({
        code: 'button-domain',
        ko: `버튼 ${n}의 주소(${host})가 등록한 링크 도메인 밖이라 카카오톡에서 열리지 않아요. 설정에서 링크 도메인에 넣거나 {링크}를 써 주세요.`,
        en: `Button ${n}'s link (${host}) is outside your registered link domains, so KakaoTalk would not open it. Add the domain in settings or use {링크}.`,
      });
    }
  });
  return problems;
}
