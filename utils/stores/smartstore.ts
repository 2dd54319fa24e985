import type { Order } from '@/utils/orders/order';
import { cellText, toOrder, toQuantity } from './read-order';
import type { Adapter, AdapterRow } from './types';

// Naver Smartstore seller center, inside the /o/… order frame: a TOAST UI Grid whose cells carry
// data-row-key and data-column-name (store-admins.md §1.4). The column names below are the GraphQL field
// names seen in public code (a GUESS for some): if Naver renames one, change it here.
export const SMARTSTORE_COLUMNS = {
  productOrderNo: 'productOrderNo',
  orderNo: 'orderNo',
  buyerName: 'orderMemberName',
  buyerId: 'orderMemberId',
  buyerPhone: 'orderMemberTelNo',
  receiverName: 'receiverName',
  productName: 'productName',
  productOptions: 'productOption',
  quantity: 'quantity',
  status: 'productOrderStatus',
  courier: 'deliveryCompanyName',
  trackingNo: 'deliveryInvoiceNo',
  checked: '_checked',
} as const;

export function isSmartstoreOrderFrame(url: URL): boolean {
  return (url.hostname === 'sell.smartstore.naver.com' || url.hostname === 'admin.pay.naver.com') && url.pathname.startsWith('/o/');
}

/** Reads every rendered row; columns virtualized out of the DOM come from `extra` (the page's own data). */
export const readSmartstore: Adapter = (doc, url, extra) => {
  if (!isSmartstoreOrderFrame(url)) return [];
  const rows: AdapterRow[] = [];
  for (const grid of doc.querySelectorAll('.tui-grid-container')) {
    // One pass over the cells, grouped by row key: left (frozen) and right parts join here.
    const byRow = new Map<string, Map<string, Element>>();
    for (const td of grid.querySelectorAll('td[data-row-key][data-column-name]')) {
      const key = td.getAttribute('data-row-key')!;
      let cells = byRow.get(key);
      if (!cells) byRow.set(key, (cells = new Map()));
      cells.set(td.getAttribute('data-column-name')!, td);
    }
    for (const [key, cells] of byRow) {
      const anchor = cells.get(SMARTSTORE_COLUMNS.productOrderNo);
      if (!anchor) continue; // dummy filler rows have no product order number
      const text = (c: keyof typeof SMARTSTORE_COLUMNS) => {
        const cell = cells.get(SMARTSTORE_COLUMNS[c]);
        return cell ? cellText(cell.querySelector('.tui-grid-cell-content') ?? cell) : undefined;
      };
      const productOrderNo = text('productOrderNo') ?? '';
      const more: Partial<Order> = extra?.get(productOrderNo) ?? {};
      const fields = {
        orderNo: text('orderNo') ?? more.orderNo,
        productOrderNo,
        buyerName: text('buyerName') ?? more.buyerName,
        buyerId: text('buyerId') ?? more.buyerId,
        buyerPhone: text('buyerPhone') ?? more.buyerPhone,
        receiverName: text('receiverName') ?? more.receiverName,
        productName: text('productName') ?? more.productName,
        productOptions: text('productOptions') ?? more.productOptions,
        quantity: toQuantity(text('quantity') ?? '') ?? more.quantity,
        status: text('status') ?? more.status,
        courier: text('courier') ?? more.courier,
        trackingNo: text('trackingNo') ?? more.trackingNo,
      };
      const checkbox = cells.get(SMARTSTORE_COLUMNS.checked)?.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
      const result = toOrder('smartstore', fields);
      rows.push('order' in result ? { anchor, key: productOrderNo, order: result.order, selected: !!checkbox?.checked } : { anchor, key: `row-${key}`, problem: result.problem, selected: false });
    }
  }
  return rows;
};
