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
  urlPattern: z
    .string()
    .check(
      z.regex(/^https:\/\/[^/*]+(\/.*)?$/, 'https://host/path* 형식이어야 해요 / must look like https://host/path*'),
    ),
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

export function matchesPattern(pattern: string, url: URL): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(url.origin + url.pathname + url.search);
}

/** The origin pattern whose permission a custom admin needs (asked for that site only). */
export function originPattern(urlPattern: string): string {
  return `${new URL(urlPattern.replace(/\*/g, 'x')).origin}/*`;
}
