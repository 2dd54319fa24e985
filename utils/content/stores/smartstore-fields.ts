// No imports: the page-data hook (entrypoints/smartstore-graphql.content.ts) runs in the page's MAIN world
// and should stay tiny.

/**
 * Order field → the Smartstore order app's name for it: the key in the rows its GraphQL answers carry
 * (docs/reference/store-admins.md §1.8), which the grid's data-column-name mostly shares (§1.5; smartstore.ts
 * names the exceptions). Not the Commerce API's names (`productOption`, `quantity`): another source. If
 * Naver renames one, change it here. The grid reader (smartstore.ts) and the page-data hook (graphql-rows.ts,
 * checked by graphql-bridge.ts) both read these.
 */
export const SMARTSTORE_FIELDS = {
  productOrderNo: 'productOrderNo',
  orderNo: 'orderNo',
  buyerName: 'orderMemberName',
  buyerId: 'orderMemberId',
  buyerPhone: 'orderMemberTelNo',
  receiverName: 'receiverName',
  productName: 'productName',
  productOptions: 'productOptionContents',
  quantity: 'orderQuantity',
  status: 'productOrderStatus',
  courier: 'deliveryCompanyName',
  trackingNo: 'deliveryInvoiceNo',
} as const;
export type SmartstoreField = keyof typeof SMARTSTORE_FIELDS;
