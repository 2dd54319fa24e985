import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/background/server';
import type { CustomAdmin } from '@/utils/shared/custom-admin';
import { itemKeyFields, toOrder, toQuantity } from '@/utils/shared/order-fields';
import type { Order } from '@/utils/shared/order';
import type { RowProblem } from '@/utils/shared/order-fields';

type Field = { selector: string } | { header: string };

/**
 * Runs in the admin tab (scripting.executeScript): a self-contained reading of the rows' raw text, so the
 * operator sees what the selectors pick before saving. The content script applies the same rules via
 * utils/content/stores/custom.ts; validation happens back here with the same toOrder.
 */
function readRawRows(rowSelector: string, fields: Record<string, Field>): Record<string, string>[] {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  let rows: Element[] = [];
  try {
    rows = [...document.querySelectorAll(rowSelector)].slice(0, 200);
  } catch {
    return [];
  }
  return rows.map((row) => {
    const out: Record<string, string> = {};
    for (const [name, f] of Object.entries(fields)) {
      if ('selector' in f) {
        try {
          out[name] = text(row.querySelector(f.selector));
        } catch {
          out[name] = '';
        }
      } else {
        const head = row.closest('table')?.querySelector('thead tr') ?? row.closest('table')?.querySelector('tr');
        const i = head ? [...head.children].findIndex((th) => text(th).includes(f.header)) : -1;
        out[name] = i >= 0 ? text(row.children[i]) : '';
      }
    }
    return out;
  });
}

/** What the described selectors read in an open tab of that admin: the first orders and problems. */
async function previewCustomAdmin(config: CustomAdmin) {
  const [tab] = await browser.tabs.query({ url: config.urlPattern });
  if (!tab?.id) return { tabFound: false, rows: 0, orders: [], problems: [] };
  const [result] = await browser.scripting.executeScript({
    target: { tabId: tab.id },
    func: readRawRows,
    args: [config.rowSelector, config.fields as Record<string, Field>],
  });
  const raw = (Array.isArray(result?.result) ? result.result : []) as Record<string, string>[];
  const orders: Order[] = [];
  const problems: RowProblem[] = [];
  // The same identity rule as the content script (utils/content/stores/custom.ts), never the row's position.
  const perOrder = new Map<string, number>();
  for (const r of raw) perOrder.set(r.orderNo ?? '', (perOrder.get(r.orderNo ?? '') ?? 0) + 1);
  raw.forEach((r) => {
    const read = toOrder('custom', {
      ...r,
      ...itemKeyFields(r.orderNo || undefined, r.productOrderNo || undefined, perOrder.get(r.orderNo ?? '') ?? 0),
      quantity: toQuantity(r.quantity ?? ''),
    });
    if ('order' in read) orders.push(read.order);
    else problems.push(read.problem);
  });
  return { tabFound: true, rows: raw.length, orders: orders.slice(0, 5), problems: problems.slice(0, 5) };
}

/** custom.*: trying a custom admin's selectors before saving them. */
export function createCustomHandlers(): Handlers {
  return { 'custom.preview': async ({ config }) => previewCustomAdmin(config) };
}
