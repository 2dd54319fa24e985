import type * as z from 'zod/mini';
import { matchesPattern, type CustomAdmin, type FieldSchema } from '@/utils/shared/custom-admin';
import { toQuantity } from '@/utils/shared/order-fields';
import { cellText } from './cell-text';
import { headerIndex } from './header-table';
import type { Locator, RowRef } from './types';

/** The rows of an admin the operator described (the background's preview reads them the same way). */
export function createCustomLocator(config: CustomAdmin): Locator<'custom'> {
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
