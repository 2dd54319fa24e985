import { SMARTSTORE_FIELDS } from './smartstore-fields';

// No zod here: this runs in the page's MAIN world and should be tiny.
export const BRIDGE_SOURCE = 'ordertalk:smartstore-graphql';
/** The content script may start after the page's first response: it asks the hook to send what it has. */
export const BRIDGE_REQUEST = 'ordertalk:smartstore-graphql-replay';

/** Collects rows from any JSON shape: every object carrying a productOrderNo. */
export function extractRows(json: unknown, out: Record<string, string>[] = [], depth = 0): Record<string, string>[] {
  if (depth > 12 || json === null || typeof json !== 'object') return out;
  if (Array.isArray(json)) {
    for (const item of json) extractRows(item, out, depth + 1);
    return out;
  }
  const obj = json as Record<string, unknown>;
  if (typeof obj.productOrderNo === 'string' || typeof obj.productOrderNo === 'number') {
    const row: Record<string, string> = {};
    for (const [to, from] of Object.entries(SMARTSTORE_FIELDS)) {
      const v = obj[from];
      if (typeof v === 'string' || typeof v === 'number') row[to] = String(v);
    }
    out.push(row);
  }
  for (const v of Object.values(obj)) if (v && typeof v === 'object') extractRows(v, out, depth + 1);
  return out;
}
