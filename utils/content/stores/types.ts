import type { Order, StoreId } from '@/utils/shared/order';
import type { RawFields, RowProblem } from '@/utils/shared/order-fields';
import type { StoreAdmin } from '@/utils/shared/store-admins';

export type { RawFields, RowProblem };

/** A well-formed product order number, as toOrder (utils/shared/order-fields.ts) checks it. */
export const ITEM_KEY = /^[0-9A-Za-z-]{4,64}$/;

/**
 * A row found but not yet read. Finding every row of a 2,000-row grid must fit in one short task; reading
 * and validating them (toOrder in utils/shared/order-fields.ts) is done in slices (and skipped for rows
 * whose text was read before).
 */
export interface RowRef {
  anchor: Element;
  /** The row's place on the page; names rows that cannot be read (`row-<place>`). */
  place: string;
  fields(): RawFields;
  selected(): boolean;
  /**
   * Optional: the row's key (its product order number as shown), read without the rest of the row. The control
   * goes in with just this; the row is read later, in slices (a 2,000-row grid is read in about a second).
   */
  key?(): string;
  /**
   * Optional: a string that changes whenever fields() would, cheaper to get than the fields. Rows whose
   * signature was seen before are not read again.
   */
  signature?(): string;
}

/**
 * The page's own data by product order number (validated, see graphql-bridge.ts); `latest` holds the keys of
 * its latest answer, the grid's whole data set, rows never drawn included.
 */
export type PageData = Map<string, Partial<Order>> & { latest?: string[] };

/** One store admin: which rows a page has (cheap), and the store the orders belong to. */
export interface Locator<Store extends StoreId = StoreId> {
  store: Store;
  /** Rows scrolled out of view leave the DOM (a virtual grid): ticks of rows not in the DOM are kept. */
  virtual?: boolean;
  locate(doc: Document, url: URL, extra?: PageData): RowRef[];
}

/** A built-in admin's descriptor (utils/shared/store-admins.ts) with the locator that finds its rows. */
export type AdminLocator<Id extends StoreId> = StoreAdmin<Id> & { locator: Locator<Id> };
