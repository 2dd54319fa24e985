import { z } from 'zod';

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
