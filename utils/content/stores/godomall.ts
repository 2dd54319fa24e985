import { itemKeyFields, toQuantity } from '@/utils/shared/order-fields';
import { GODOMALL } from '@/utils/shared/store-admins';
import { cellText } from './cell-text';
import type { AdminLocator, Locator, RowRef } from './types';

// Godomall5 admin (gdadmin.<shop>/order/order_list_*.php): server-rendered table.order-list, orderer name
// and cell phone as data attributes. BEST-EFFORT from a customised public template (docs/reference/store-admins.md §3);
// per-item views use rowspan, so order-level values carry down to the following rows.
const locateGodomall: Locator<'godomall'> = {
  store: 'godomall',
  locate(doc, url) {
    if (!GODOMALL.isOrderPage(url)) return [];
    const refs: RowRef[] = [];
    for (const table of doc.querySelectorAll('table.order-list')) {
      const rowsOfOrder = new Map<string, number>();
      let orderNo = '';
      let buyer: Element | null = null;
      let item = 0;
      for (const tr of table.querySelectorAll(':scope > tbody > tr')) {
        const orderLink = tr.querySelector('td.order-no [data-order-no]');
        if (orderLink) {
          orderNo = orderLink.getAttribute('data-order-no') ?? cellText(orderLink);
          buyer = tr.querySelector('td.js-member-info');
          item = 0;
        }
        const product = tr.querySelector('[title="상품명"]');
        if (!orderNo || !product) continue;
        item++;
        rowsOfOrder.set(orderNo, item);
        const [no, member] = [orderNo, buyer];
        const n = item;
        refs.push({
          anchor: tr.querySelector('td.order-no') ?? product,
          place: `${no}-${n}`,
          fields: () => ({
            orderNo: no,
            // The item's own number (orderGoodsNo); without it only a one-item order is keyed, by its number.
            ...itemKeyFields(no, tr.getAttribute('data-order-goods-no') ?? undefined, rowsOfOrder.get(no) ?? 1),
            buyerName: member?.getAttribute('data-member-name') ?? undefined,
            buyerId: member?.getAttribute('data-member-no') || undefined,
            buyerPhone: member?.getAttribute('data-cell-phone') || undefined,
            productName: cellText(product),
            productOptions: cellText(tr.querySelector('.option_info')) || undefined,
            quantity: toQuantity(cellText(tr.querySelector('td.goods_cnt'))),
            status: cellText(tr.querySelector('[title="주문 상품별 주문 상태"]')) || undefined,
            trackingNo: tr.querySelector<HTMLInputElement>('input[name^="invoiceNo["]')?.value?.trim() || undefined,
          }),
          selected: () => !!tr.querySelector<HTMLInputElement>('input[type=checkbox]:checked'),
        });
      }
    }
    return refs;
  },
};

export const godomallAdmin: AdminLocator<'godomall'> = { ...GODOMALL, locator: locateGodomall };
