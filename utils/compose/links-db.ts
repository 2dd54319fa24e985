import type { DBSchema, IDBPDatabase } from 'idb';
import { storage } from 'wxt/utils/storage';
import { cachedDb } from '@/utils/storage/open-db';

// Customer links live in IndexedDB, one row per customer key, so linking one customer writes one row and
// badges read only the keys of the orders on screen. As one storage.local map (before), a new link rewrote
// the map: ~0.25 s at 2,000 customers and ~1.3 s at 10,000 in Chromium, and every badge batch read it whole.

export interface LinkRow {
  /** Salted SHA-256 of store + buyer id or phone (utils/compose/linking.ts). */
  key: string;
  [field: string]: unknown;
}

interface LinksDb extends DBSchema {
  links: { key: string; value: LinkRow };
}

// Where links were kept before (a WXT storage item); moved into the database once, then removed.
const legacyItem = storage.defineItem<unknown>('local:customerLinks', { fallback: null });

export const linksDb = cachedDb<LinksDb>(
  'ordertalk-links',
  (d) => void d.createObjectStore('links', { keyPath: 'key' }),
  (d) => moveLegacyLinks(d),
);

/** Rows are keyed by customer key, so a repeat after a crash adds nothing; values are checked when read. */
async function moveLegacyLinks(d: IDBPDatabase<LinksDb>): Promise<void> {
  const legacy = await legacyItem.getValue();
  if (legacy === null) return;
  const entries = legacy && typeof legacy === 'object' && !Array.isArray(legacy) ? Object.entries(legacy as Record<string, unknown>) : [];
  const tx = d.transaction('links', 'readwrite', { durability: 'strict' });
  await Promise.all([...entries.flatMap(([key, v]) => (v && typeof v === 'object' ? [tx.store.put({ ...(v as object), key })] : [])), tx.done]);
  await legacyItem.removeValue({ removeMeta: true });
}
