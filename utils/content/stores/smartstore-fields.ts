// No imports: the page-data hook (entrypoints/smartstore-graphql.content.ts) runs in the page's MAIN world
// and should stay tiny.

/**
 * Order field → the Smartstore order app's name for it: the grid cell's data-column-name and the key in the
 * rows its GraphQL answers carry. Names seen in public code, a GUESS for some: if Naver renames one, change
 * it here. The grid reader (smartstore.ts) and the page-data hook (graphql-rows.ts, checked by
 * graphql-bridge.ts) both read these.
 */
export const SMARTSTORE_FIELDS = {
  productOrderNo: 'productOrderNo',
  orderNo: 'orderNo',
  buyerName: 'orderMemberName',
  buyerId: 'orderMemberId',
  buyerPhone: 'orderMemberTelNo',
  receiverName: 'receiverName',
  productName: 'productName',
  productOptions: 'productOption',
  status: 'productOrderStatus',
  courier: 'deliveryCompanyName',
  trackingNo: 'deliveryInvoiceNo',
} as const;
export type SmartstoreField = keyof typeof SMARTSTORE_FIELDS;
