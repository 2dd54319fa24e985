import type { Order } from '@/utils/shared/order';
import type { TemplateObject } from '@/utils/background/kakao/schemas';
import { urlInLinkDomains } from '@/utils/shared/link-domains';
import { VARIABLES, type Template, type Variable } from '@/utils/shared/templates';

export const TEXT_LIMIT = 200;

export interface RenderContext {
  storeName: string;
  storeUrl: string;
  linkDomains: string[];
}

export interface Problem {
  code: string;
  ko: string;
  en: string;
}

export interface Rendered {
  templateObject: TemplateObject;
  preview: {
    layout: Template['layout'];
    text?: string;
    title?: string;
    description?: string;
    imageUrl?: string;
    price?: number;
    buttons: { title: string; url: string }[];
    charCount: number;
    charLimit: number;
  };
  missingVariables: string[];
  problems: Problem[];
  /** Identical for two recipients only when their messages are identical. */
  renderedKey: string;
}

function values(order: Order, ctx: RenderContext): Record<Variable, string | undefined> {
  return {
    구매자명: order.buyerName,
    상품명: order.productName,
    주문번호: order.orderNo,
    택배사: order.courier,
    송장번호: order.trackingNo,
    스토어명: ctx.storeName || undefined,
    링크: ctx.storeUrl || undefined,
  };
}

/** Control characters (other than line breaks) never reach a message. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u2028-\u202e]/g, '');

/**
 * Fills a template for one order. One pass over the template text: values inserted are never scanned
 * again, so an order value like "{주문번호}" stays literal. A variable the order lacks is reported, and its
 * placeholder is left visible rather than silently blank.
 */
export function renderTemplate(template: Template, order: Order, ctx: RenderContext, freeText?: string): Rendered {
  const vals = values(order, ctx);
  const missing = new Set<string>();
  const problems: Problem[] = [];
  const fill = (text: string) =>
    text.replace(/\{([^{}\n]{1,20})\}/g, (whole, name: string) => {
      if (!(VARIABLES as readonly string[]).includes(name)) {
        problems.push({
          code: 'unknown-variable',
          ko: `모르는 변수예요: {${name}}`,
          en: `Unknown variable: {${name}}`,
        });
        return whole;
      }
      const v = vals[name as Variable];
      if (!v) {
        missing.add(name);
        return whole;
      }
      return clean(v);
    });
  const body = clean(fill(freeText !== undefined && template.id === 'free-text' ? freeText : template.body)).trim();
  const title = template.title ? fill(template.title) : undefined;
  const buttons = template.buttons.slice(0, 2).map((b) => ({ title: fill(b.title), url: fill(b.url) }));
  if (!body) problems.push({ code: 'empty', ko: '보낼 내용이 비어 있어요.', en: 'The message is empty.' });
  for (const name of missing)
    problems.push({
      code: 'missing-variable',
      ko: `{${name}} 값이 주문에 없어요.`,
      en: `The order has no value for {${name}}.`,
    });
  const link = ctx.storeUrl;
  for (const url of [link, ...buttons.map((b) => b.url)].filter(Boolean)) {
    if (!urlInLinkDomains(url, ctx.linkDomains)) {
      problems.push({
        code: 'link-domain',
        ko: `등록한 링크 도메인 밖의 주소예요: ${url}`,
        en: `Link outside your registered domains: ${url}`,
      });
    }
  }
  if (!link)
    problems.push({
      code: 'no-link',
      ko: '설정에 스토어 주소를 넣어 주세요(메시지 링크).',
      en: 'Set your store URL in settings (message link).',
    });
  const charLimit = template.layout === 'text' ? TEXT_LIMIT : 400;
  if (body.length > charLimit)
    problems.push({
      code: 'too-long',
      ko: `글자 수가 ${charLimit}자를 넘어요(${body.length}자).`,
      en: `Over ${charLimit} characters (${body.length}).`,
    });
  const kakaoLink = { web_url: link, mobile_web_url: link };
  const kakaoButtons = buttons.map((b) => ({ title: b.title, link: { web_url: b.url, mobile_web_url: b.url } }));
  let templateObject: TemplateObject;
  if (template.layout === 'text') {
    templateObject = {
      object_type: 'text',
      text: body.slice(0, TEXT_LIMIT) || ' ',
      link: kakaoLink,
      ...(kakaoButtons.length && { buttons: kakaoButtons }),
    };
  } else {
    const content = {
      title: title ?? '',
      description: body,
      ...(template.imageUrl && { image_url: template.imageUrl }),
      link: kakaoLink,
    };
    templateObject =
      template.layout === 'feed'
        ? { object_type: 'feed', content, ...(kakaoButtons.length && { buttons: kakaoButtons }) }
        : {
            object_type: 'commerce',
            content,
            commerce: { regular_price: template.price ?? 0 },
            ...(kakaoButtons.length && { buttons: kakaoButtons }),
          };
  }
  return {
    templateObject,
    preview: {
      layout: template.layout,
      text: template.layout === 'text' ? body : undefined,
      title,
      description: template.layout === 'text' ? undefined : body,
      imageUrl: template.imageUrl,
      price: template.price,
      buttons,
      charCount: body.length,
      charLimit,
    },
    missingVariables: [...missing],
    problems,
    renderedKey: JSON.stringify(templateObject),
  };
}
