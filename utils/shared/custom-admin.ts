import * as z from 'zod/mini';

// An admin the operator describes: a URL pattern, a row selector, and for each field a CSS selector inside
// the row or a header label of the row's table. In zod/mini: the custom admin's content script checks its
// configuration with it on every page of that admin (settings, options and the protocol embed it as is).
const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
export const FieldSchema = z.union([z.object({ selector: bounded(300) }), z.object({ header: bounded(50) })]);
const optionalField = z.optional(FieldSchema);
export const CustomAdminSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  /** A match pattern such as https://admin.example.com/orders* */
  /** Loose on read, so an admin saved under older rules is kept (and shown with its problem), never dropped. */
  urlPattern: z.string().check(z.minLength(1), z.maxLength(500)),
  rowSelector: bounded(300),
  fields: z.object({
    orderNo: FieldSchema,
    productOrderNo: optionalField,
    buyerName: FieldSchema,
    buyerId: optionalField,
    buyerPhone: optionalField,
    receiverName: optionalField,
    productName: FieldSchema,
    productOptions: optionalField,
    quantity: optionalField,
    status: optionalField,
    courier: optionalField,
    trackingNo: optionalField,
  }),
});
export type CustomAdmin = z.infer<typeof CustomAdminSchema>;

/** What a save accepts: the URL pattern must be one the browser takes (see matchPatternProblem). */
export const CustomAdminInputSchema = z.extend(CustomAdminSchema, {
  urlPattern: z.string().check(
    z.refine((p) => matchPatternProblem(p) === null, {
      error: (issue) => matchPatternProblem(String(issue.input)) ?? '',
    }),
  ),
});

/**
 * Why the browser would refuse `pattern` as a content-script match pattern, or null when it takes it.
 * Checked to the rules both Chrome and Firefox apply (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns,
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Match_patterns): https only here, one host
 * (optionally `*.` + domain), no user part and no port, and a path starting with `/`.
 */
export function matchPatternProblem(pattern: string): string | null {
  const m = /^([^:]+):\/\/([^/]*)(\/.*)?$/.exec(pattern);
  if (!m) return 'https://주소/경로* 형식으로 적어 주세요 / Write it as https://host/path*';
  const [, scheme, host = '', path] = m;
  if (scheme !== 'https') return 'https:// 로 시작해야 해요 / It must start with https://';
  if (host.includes('@'))
    return '주소에 사용자 이름(…@)은 넣을 수 없어요 / The address cannot contain a user name (…@)';
  if (host.includes(':')) return '주소에 포트 번호는 넣을 수 없어요 / The address cannot contain a port number';
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  if (
    !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(bare) ||
    bare.split('.').some((l) => !l || l.startsWith('-') || l.endsWith('-'))
  )
    return `주소 "${host}"는 도메인 이름이 아니에요 (예: admin.myshop.com) / "${host}" is not a domain name (e.g. admin.myshop.com)`;
  if (!path) return '주소 뒤에 경로를 적어 주세요 (예: /orders*) / Add a path after the host (e.g. /orders*)';
  if (path.includes('#')) return '경로에 #은 넣을 수 없어요 / The path cannot contain #';
  return null;
}

export function matchesPattern(pattern: string, url: URL): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(url.origin + url.pathname + url.search);
}

/** The origin pattern whose permission a custom admin needs (asked for that site only). */
export function originPattern(urlPattern: string): string {
  return `${new URL(urlPattern.replace(/\*/g, 'x')).origin}/*`;
}
