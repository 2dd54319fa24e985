import type { DBSchema } from 'idb';
import { storage } from 'wxt/utils/storage';
import { linkRows } from './migrations';
import { cachedDb } from './open-db';
import { CUSTOMER_LINKS, LINKS_DB } from '@/utils/shared/storage-keys';

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

/** The database, opened once per worker; the links map kept in storage.local by earlier versions moves in. */
export const linksDb = cachedDb<LinksDb, 'links'>(
  LINKS_DB,
  (d) => void d.createObjectStore('links', { keyPath: 'key' }),
  {
    item: storage.defineItem<unknown>(CUSTOMER_LINKS.key, { fallback: null }),
    store: 'links',
    rows: linkRows,
  },
);
