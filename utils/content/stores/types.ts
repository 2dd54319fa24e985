import type { Order, StoreId } from '@/utils/shared/order';
import type { RawFields, RowProblem } from '@/utils/shared/order-fields';

export type { RawFields, RowProblem };

/** One order row as an adapter read it: where to put the button, and the order or why it can't be read. */
export type AdapterRow =
  | { anchor: Element; key: string; order: Order; selected: boolean }
  | { anchor: Element; key: string; problem: RowProblem; selected: false };

/** A pure function of a document and its URL. */
export type Adapter = (doc: Document, url: URL, extra?: Map<string, Partial<Order>>) => AdapterRow[];

/**
 * A row found but not yet read. Finding every row of a 2,000-row grid must fit in one short task; reading
 * and validating them is done in slices (and skipped for rows whose text was read before).
 */
export interface RowRef {
  anchor: Element;
  /** The row's place on the page; names rows that cannot be read (`row-<place>`). */
  place: string;
  fields(): RawFields;
  selected(): boolean;
  /**
   * Optional: a string that changes whenever fields() would, cheaper to get than the fields. Rows whose
   * signature was seen before are not read again.
   */
  signature?(): string;
}

/** One store admin: which rows a page has (cheap), and the store the orders belong to. */
export interface Locator {
  store: StoreId;
  locate(doc: Document, url: URL, extra?: Map<string, Partial<Order>>): RowRef[];
}
