import { cellText } from './cell-text';

/** Column index by header label (first header cell whose text contains one of the labels). */
export function headerIndex(table: Element, labels: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const headRow = table.querySelector('thead tr') ?? table.querySelector('tr');
  if (!headRow) return out;
  [...headRow.children].forEach((th, i) => {
    const text = cellText(th);
    for (const label of labels) if (!out.has(label) && text.includes(label)) out.set(label, i);
  });
  return out;
}

/** The tables of a document whose header mentions all of `required`. */
export function tablesWithHeaders(doc: Document, required: readonly string[]): Element[] {
  return [...doc.querySelectorAll('table')].filter((t) => {
    const idx = headerIndex(t, required);
    return required.every((r) => idx.has(r));
  });
}

export function bodyRows(table: Element): Element[] {
  const body = table.querySelector('tbody');
  return [...(body ?? table).querySelectorAll(':scope > tr')].filter((tr) => tr.querySelector('td'));
}
