import type * as z from 'zod/mini';
import { matchesPattern, type CustomAdmin, type FieldSchema } from '@/utils/shared/custom-admin';
import { itemKeyFields, toQuantity } from '@/utils/shared/order-fields';
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
      const read = (row: Element, f: z.infer<typeof FieldSchema> | undefined): string | undefined => {
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
      // Counted once, on the first read: without an item-number field only an order with one row on the page
      // can be keyed by its number (a row position moves when a new order arrives).
      let perOrder: Map<string | undefined, number> | undefined;
      const rowsOf = (orderNo?: string) => {
        if (!perOrder) {
          perOrder = new Map();
          for (const r of rowEls) {
            const no = read(r, config.fields.orderNo);
            perOrder.set(no, 1 + (perOrder.get(no) ?? 0));
          }
        }
        return perOrder.get(orderNo) ?? 0;
      };
      return rowEls.map((row, i): RowRef => ({
        anchor: row.firstElementChild ?? row,
        place: String(i),
        fields() {
          const orderNo = read(row, config.fields.orderNo);
          return {
            orderNo,
            ...itemKeyFields(orderNo, read(row, config.fields.productOrderNo), rowsOf(orderNo)),
            buyerName: read(row, config.fields.buyerName),
            buyerId: read(row, config.fields.buyerId),
            buyerPhone: read(row, config.fields.buyerPhone),
            receiverName: read(row, config.fields.receiverName),
            productName: read(row, config.fields.productName),
            productOptions: read(row, config.fields.productOptions),
            quantity: toQuantity(read(row, config.fields.quantity) ?? ''),
            status: read(row, config.fields.status),
            courier: read(row, config.fields.courier),
            trackingNo: read(row, config.fields.trackingNo),
          };
        },
        selected: () => false,
      }));
    },
  };
}
