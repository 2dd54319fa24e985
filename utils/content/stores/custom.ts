import type * as z from 'zod/mini';
import { matchesPattern, type CustomAdmin, type FieldSchema } from '@/utils/shared/custom-admin';
import { itemKeyFields, toQuantity } from '@/utils/shared/order-fields';
import { cellText } from './cell-text';
import { headerIndex } from './header-table';
import type { Locator, RawFields, RowRef } from './types';

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
          // Every described field as read; the item key and the quantity as the order needs them.
          const out: RawFields = {};
          for (const [k, f] of Object.entries(config.fields)) out[k] = read(row, f);
          const orderNo = out.orderNo as string | undefined;
          delete out.productOrderNo;
          return {
            ...out,
            ...itemKeyFields(orderNo, read(row, config.fields.productOrderNo), rowsOf(orderNo)),
            quantity: toQuantity(String(out.quantity ?? '')),
          };
        },
        selected: () => false,
      }));
    },
  };
}
