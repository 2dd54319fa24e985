import { itemKeyFields, toQuantity } from '@/utils/shared/order-fields';
import { CAFE24 } from '@/utils/shared/store-admins';
import { cellText } from './cell-text';
import { bodyRows, headerIndex, tablesWithHeaders } from './header-table';
import type { AdminLocator, Locator, RowRef } from './types';

// Cafe24 admin order lists (server-rendered /admin/php/shop1/s_new/*.php). BEST-EFFORT: no public fixture of
// the row markup exists (docs/reference/store-admins.md §8), so columns are found by their header text.
const LABELS = {
  orderNo: '주문번호',
  buyer: '주문자',
  product: '상품명',
  quantity: '수량',
  status: '상태',
  receiver: '수령',
  tracking: '송장',
  courier: '택배사',
} as const;

// UNCONFIRMED (no public fixture): Cafe24's item order code (품목별 주문번호) is the order number plus an item
// sequence, e.g. 20261124-0000123-01, shown in the row's text or carried by its checkbox. Change these two if a
// live admin shows it differently.
const ORDER_NO = /\d{8}-\d{7}/;
const ITEM_CODE = /\b\d{8}-\d{7}-\d{1,3}\b/;

/** The row's own item code: in a checkbox or data attribute first, else in its text. */
function itemCode(tr: Element): string | undefined {
  for (const el of tr.querySelectorAll('input[type=checkbox], [data-item-code], [data-ord-item-code]')) {
    const v = [
      (el as HTMLInputElement).value,
      el.getAttribute('data-item-code'),
      el.getAttribute('data-ord-item-code'),
    ];
    const hit = v.map((x) => (x ? ITEM_CODE.exec(x)?.[0] : undefined)).find(Boolean);
    if (hit) return hit;
  }
  return ITEM_CODE.exec(tr.textContent ?? '')?.[0];
}

const locateCafe24: Locator<'cafe24'> = {
  store: 'cafe24',
  locate(doc, url) {
    if (!CAFE24.isOrderPage(url)) return [];
    const refs: RowRef[] = [];
    for (const table of tablesWithHeaders(doc, [LABELS.orderNo, LABELS.product])) {
      const idx = headerIndex(table, Object.values(LABELS));
      const rows = bodyRows(table);
      const orderNoOf = (tr: Element) => {
        const cell = tr.children[idx.get(LABELS.orderNo)!];
        return cell ? (ORDER_NO.exec(cellText(cell)) ?? [cellText(cell)])[0] : '';
      };
      // Counted once, when the first row is read: an order with one row on the page is keyed by its number.
      let perOrder: Map<string, number> | undefined;
      const rowsOf = (orderNo: string) => {
        perOrder ??= rows.reduce((m, tr) => {
          const no = orderNoOf(tr);
          return m.set(no, (m.get(no) ?? 0) + 1);
        }, new Map<string, number>());
        return perOrder.get(orderNo) ?? 0;
      };
      rows.forEach((tr, i) => {
        const cells = [...tr.children];
        const at = (label: string) => {
          const n = idx.get(label);
          return n === undefined ? undefined : cellText(cells[n]);
        };
        const orderCell = cells[idx.get(LABELS.orderNo)!];
        if (!orderCell) return;
        refs.push({
          anchor: orderCell,
          place: String(i),
          fields() {
            const orderNo = orderNoOf(tr);
            return {
              orderNo,
              ...itemKeyFields(orderNo, itemCode(tr), rowsOf(orderNo)),
              // "홍길동 (hong123)": name, then the member id in parentheses when shown.
              buyerName: at(LABELS.buyer)
                ?.replace(/\(.*\)/, '')
                .trim(),
              buyerId: /\(([^)]+)\)/.exec(at(LABELS.buyer) ?? '')?.[1],
              productName: at(LABELS.product),
              quantity: toQuantity(at(LABELS.quantity) ?? ''),
              status: at(LABELS.status),
              receiverName: at(LABELS.receiver),
              trackingNo: at(LABELS.tracking),
              courier: at(LABELS.courier),
            };
          },
          selected: () => !!tr.querySelector<HTMLInputElement>('input[type=checkbox]:checked'),
        });
      });
    }
    return refs;
  },
};

export const cafe24Admin: AdminLocator<'cafe24'> = { ...CAFE24, locator: locateCafe24 };
