import type { StoreId } from '@/utils/shared/order';
import { foldText, toOrder } from '@/utils/shared/order-fields';
import type { Adapter, AdapterRow, Locator, RowRef } from './types';

/** Visible text of a cell, whitespace folded; never markup. */
export function cellText(el: Element | null | undefined): string {
  return foldText(el?.textContent ?? '');
}

/** Reads one located row into an order, or the reason it cannot be read. */
export function readRow(store: StoreId, ref: RowRef): AdapterRow {
  const result = toOrder(store, ref.fields());
  return 'order' in result
    ? { anchor: ref.anchor, key: result.order.productOrderNo, order: result.order, selected: ref.selected() }
    : { anchor: ref.anchor, key: `row-${ref.place}`, problem: result.problem, selected: false };
}

/** The whole-page adapter of a locator: every row read at once (tests, previews). */
export function readAll(locator: Locator): Adapter {
  return (doc, url, extra) => locator.locate(doc, url, extra).map((ref) => readRow(locator.store, ref));
}
