import type { App } from './scenario';

// Checks a default template object the way our notes describe Kakao (docs/reference/kakao-api.md §5). Kakao itself lets
// a link outside the registered domains through and the link just fails to open; the emulator rejects it
// with -2 instead, so a wrong link shows up in tests rather than on a customer's phone.
export const TEXT_LIMIT = 200;
const TYPES = ['text', 'feed', 'list', 'commerce', 'location'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function linkUrls(link: unknown): string[] {
  if (!isObj(link)) return [];
  return ['web_url', 'mobile_web_url'].flatMap((k) => (typeof link[k] === 'string' ? [link[k] as string] : []));
}

export function hostAllowed(url: string, domains: string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return domains.some((d) => {
    const domain = d
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    return host === domain || host.endsWith(`.${domain}`);
  });
}

/** Null when valid, else the message of a -2 error. */
export function checkTemplateObject(value: unknown, app: App): string | null {
  if (!isObj(value)) return 'template_object must be a JSON object';
  const type = value.object_type;
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type))
    return `unsupported object_type: ${String(type)}`;
  const links: unknown[] = [];
  const needContent = (c: unknown, where: string): string | null => {
    if (!isObj(c)) return `${where} is required`;
    if (!isObj(c.link)) return `${where}.link is required`;
    links.push(c.link);
    return null;
  };
  if (type === 'text') {
    if (typeof value.text !== 'string' || value.text.length === 0) return 'text is required';
    if (value.text.length > TEXT_LIMIT) return `text exceeds ${TEXT_LIMIT} characters (${value.text.length})`;
    if (!isObj(value.link)) return 'link is required';
    links.push(value.link);
  } else if (type === 'feed' || type === 'location') {
    const e = needContent(value.content, 'content');
    if (e) return e;
    if (type === 'location' && typeof value.address !== 'string') return 'address is required';
  } else if (type === 'commerce') {
    const e = needContent(value.content, 'content');
    if (e) return e;
    if (!isObj(value.commerce) || !Number.isInteger(value.commerce.regular_price))
      return 'commerce.regular_price (integer) is required';
  } else if (type === 'list') {
    if (typeof value.header_title !== 'string' || value.header_title.length > TEXT_LIMIT)
      return 'header_title is required (≤200)';
    if (!isObj(value.header_link)) return 'header_link is required';
    links.push(value.header_link);
    if (!Array.isArray(value.contents) || value.contents.length < 2 || value.contents.length > 3)
      return 'contents must hold 2–3 items';
    for (const [i, c] of value.contents.entries()) {
      const e = needContent(c, `contents[${i}]`);
      if (e) return e;
    }
  }
  if (value.buttons !== undefined) {
    if (!Array.isArray(value.buttons)) return 'buttons must be an array';
    if (value.buttons.length > 2) return 'at most 2 buttons';
    for (const b of value.buttons) {
      if (!isObj(b) || typeof b.title !== 'string' || !isObj(b.link)) return 'each button needs title and link';
      links.push(b.link);
    }
  }
  for (const url of links.flatMap(linkUrls)) {
    if (!hostAllowed(url, app.linkDomains)) return `link domain not registered in [Product Link]: ${url}`;
  }
  return null;
}
