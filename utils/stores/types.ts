import type { Order } from '@/utils/orders/order';

export interface RowProblem {
  ko: string;
  en: string;
}

/** One order row as an adapter read it: where to put the button, and the order or why it can't be read. */
export type AdapterRow =
  | { anchor: Element; key: string; order: Order; selected: boolean }
  | { anchor: Element; key: string; problem: RowProblem; selected: false };

/** A pure function of a document and its URL. */
export type Adapter = (doc: Document, url: URL, extra?: Map<string, Partial<Order>>) => AdapterRow[];
