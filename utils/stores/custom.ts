import * as z from 'zod/mini';
import { cellText, readAll, toQuantity } from './read-order';
import { headerIndex } from './header-table';
import type { Adapter, Locator, RowRef } from './types';

// An admin the operator describes: a URL pattern, a row selector, and for each field a CSS selector inside
// the row or a header label of the row's table. In zod/mini: the custom admin's content script checks its
// configuration with it on every page of that admin (settings, options and the protocol embed it as is).
const bounded = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const FieldSchema = z.union([z.object({ selector: bounded(300) }), z.object({ header: bounded(50) })]);
const optionalField = z.optional(FieldSchema);
export const CustomAdminSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  /** A match pattern such as https://admin.example.com/orders* */
  urlPattern: z.string().check(z.regex(/^https:\/\/[^/*]+(\/.*)?$/, 'https://host/path* 형식이어야 해요 / must look like https://host/path*')),
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

export function createCustomLocator(config: CustomAdmin): Locator {
  return {
    store: 'custom',
    locate(doc, url) {
      if (!matchesPattern(config.urlPattern, url)) return [];
      let rowEls: Element[];
      try {
        rowEls = [...doc.querySelectorAll(config.rowSelector)];
      } catch {
        return []; // an invalid selector reads nothing; the preview explains it
      }
      const headers = new Map<Element, Map<string, number>>();
      const labels = Object.values(config.fields).flatMap((f) => (f && 'header' in f ? [f.header] : []));
      return rowEls.map((row, i): RowRef => {
        const read = (f: z.infer<typeof FieldSchema> | undefined): string | undefined => {
          if (!f) return undefined;
          if ('selector' in f) {
            try {
              return cellText(row.querySelector(f.selector)) || undefined;
            } catch {
              return undefined;
            }
          }
          const table = row.closest('table');
          if (table && !headers.has(table)) headers.set(table, headerIndex(table, labels));
          const n = table ? headers.get(table)!.get(f.header) : undefined;
          return n === undefined ? undefined : cellText(row.children[n]) || undefined;
        };
        return {
          anchor: row.firstElementChild ?? row,
          place: String(i),
          fields() {
            const orderNo = read(config.fields.orderNo);
            return {
              orderNo,
              productOrderNo: read(config.fields.productOrderNo) ?? (orderNo ? `${orderNo}-${i + 1}` : undefined),
              buyerName: read(config.fields.buyerName),
              buyerId: read(config.fields.buyerId),
              buyerPhone: read(config.fields.buyerPhone),
              receiverName: read(config.fields.receiverName),
              productName: read(config.fields.productName),
              productOptions: read(config.fields.productOptions),
              quantity: toQuantity(read(config.fields.quantity) ?? ''),
              status: read(config.fields.status),
              courier: read(config.fields.courier),
              trackingNo: read(config.fields.trackingNo),
            };
          },
          selected: () => false,
        };
      });
    },
  };
}

export function createCustomAdapter(config: CustomAdmin): Adapter {
  return readAll(createCustomLocator(config));
}

/** What "이 탭에서 테스트" shows: how many rows, the orders read, and the problems. */
export function previewCustomAdmin(config: CustomAdmin, doc: Document, url: URL) {
  const rows = createCustomAdapter(config)(doc, url);
  return {
    matchesUrl: matchesPattern(config.urlPattern, url),
    rows: rows.length,
    orders: rows.flatMap((r) => ('order' in r ? [r.order] : [])),
    problems: rows.flatMap((r) => ('problem' in r ? [r.problem] : [])),
  };
}
