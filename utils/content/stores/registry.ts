import { readCafe24, isCafe24OrderPage } from './cafe24';
import { readGodomall, isGodomallOrderPage } from './godomall';
import { readSmartstore, isSmartstoreOrderFrame } from './smartstore';
import type { Adapter } from './types';

const ADAPTERS: { matches: (url: URL) => boolean; read: Adapter }[] = [
  { matches: isSmartstoreOrderFrame, read: readSmartstore },
  { matches: isCafe24OrderPage, read: readCafe24 },
  { matches: isGodomallOrderPage, read: readGodomall },
];

/** The adapter for this page, by URL. */
export function adapterFor(url: URL): Adapter | null {
  return ADAPTERS.find((a) => a.matches(url))?.read ?? null;
}
