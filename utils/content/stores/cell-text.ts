import { foldText } from '@/utils/shared/order-fields';

/** Visible text of a cell, whitespace folded; never markup. */
export function cellText(el: Element | null | undefined): string {
  return foldText(el?.textContent ?? '');
}
