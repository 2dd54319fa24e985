import { toQuantity } from '@/utils/shared/order-fields';
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

const locateCafe24: Locator<'cafe24'> = {
  store: 'cafe24',
  locate(doc, url) {
    if (!CAFE24.isOrderPage(url)) return [];
    const refs: RowRef[] = [];
    for (const table of tablesWithHeaders(doc, [LABELS.orderNo, LABELS.product])) {
      const idx = headerIndex(table, Object.values(LABELS));
      bodyRows(table).forEach((tr, i) => {
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
            const orderNo = (/\d{8}-\d{7}/.exec(cellText(orderCell)) ?? [cellText(orderCell)])[0];
            return {
              orderNo,
              productOrderNo: `${orderNo}-${i + 1}`,
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
