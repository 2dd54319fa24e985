import { SMARTSTORE_FIELDS } from './smartstore-fields';

// No zod here: this runs in the page's MAIN world and should be tiny.
export const BRIDGE_SOURCE = 'ordertalk:smartstore-graphql';
/** The content script may start after the page's first response: it asks the hook to send what it has. */
export const BRIDGE_REQUEST = 'ordertalk:smartstore-graphql-replay';

/** The fields we need from one object carrying a productOrderNo, as text; else undefined. */
function rowOf(obj: Record<string, unknown>): Record<string, string> | undefined {
  if (typeof obj.productOrderNo !== 'string' && typeof obj.productOrderNo !== 'number') return;
  const row: Record<string, string> = {};
  for (const [to, from] of Object.entries(SMARTSTORE_FIELDS)) {
    const v = obj[from];
    if (typeof v === 'string' || typeof v === 'number') row[to] = String(v);
  }
  return row;
}

/**
 * Collects rows from any JSON shape (every object carrying a productOrderNo, in document order) and hands
 * them to `onPart` in parts of at most `part` rows. The walk runs in slices of `sliceMs`, each in its own
 * task (`later`): a 5,000-row answer walked in one go was one long task of the page. `onPart(rows, true)`
 * comes last, once.
 */
export function walkRows(
  json: unknown,
  onPart: (rows: Record<string, string>[], done: boolean) => void,
  later: (f: () => void) => void,
  part = 500,
  sliceMs = 8,
): void {
  const stack: [unknown, number][] = [[json, 0]];
  let rows: Record<string, string>[] = [];
  const step = () => {
    const start = performance.now();
    let n = 0;
    while (stack.length) {
      const [value, depth] = stack.pop()!;
      if (depth > 12 || value === null || typeof value !== 'object') continue;
      const row = Array.isArray(value) ? undefined : rowOf(value as Record<string, unknown>);
      if (row) rows.push(row);
      if (rows.length >= part) onPart(rows.splice(0), false);
      // Children reversed onto the stack: they come off it in document order.
      const children = Object.values(value);
      for (let i = children.length - 1; i >= 0; i--)
        if (children[i] && typeof children[i] === 'object') stack.push([children[i], depth + 1]);
      if (++n % 64 === 0 && performance.now() - start > sliceMs) return later(step);
    }
    onPart(rows, true);
    rows = [];
  };
  step();
}
