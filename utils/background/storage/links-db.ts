import type { DBSchema, IDBPDatabase } from 'idb';
import { storage } from 'wxt/utils/storage';
import { linkRows, linksDbMigrations } from './migrations';
import { cachedDb } from './open-db';
import { freshMaterial, hmacKey, KeyMaterialSchema, rekey, SaltSchema, type KeyMaterial } from './customer-key';
import { CUSTOMER_LINKS, LINK_SALT, LINKS_DB } from '@/utils/shared/storage-keys';

// Customer links live in IndexedDB, one row per customer key, so linking one customer writes one row and
// badges read only the keys of the orders on screen. As one storage.local map (before), a new link rewrote
// the map: ~0.25 s at 2,000 customers and ~1.3 s at 10,000 in Chromium, and every badge batch read it whole.
// The key material (customer-key.ts) is kept beside the rows, so the two change in one transaction.

export interface LinkRow {
  /** HMAC-SHA256 of the customer's salted hash (customer-key.ts). */
  key: string;
  [field: string]: unknown;
}

const META_ID = 'customer-key';
interface MetaRow extends KeyMaterial {
  id: typeof META_ID;
}

interface LinksDb extends DBSchema {
  links: { key: string; value: LinkRow };
  meta: { key: string; value: MetaRow };
}
export type LinksDatabase = IDBPDatabase<LinksDb>;

const STRICT = { durability: 'strict' } as const;
// Release 1 kept the salt in storage.local; it moves into the database with the secret (migration 2).
const legacySalt = storage.defineItem<unknown>(LINK_SALT.key, { fallback: null });

/** The database, opened once per worker; the links map kept in storage.local by earlier versions moves in. */
const openLinksDb = cachedDb<LinksDb, 'links'>(
  LINKS_DB,
  (d) => {
    // Version 1 made only the links; version 2 adds the key material beside them.
    if (!d.objectStoreNames.contains('links')) d.createObjectStore('links', { keyPath: 'key' });
    if (!d.objectStoreNames.contains('meta')) d.createObjectStore('meta', { keyPath: 'id' });
  },
  {
    item: storage.defineItem<unknown>(CUSTOMER_LINKS.key, { fallback: null }),
    store: 'links',
    rows: linkRows,
  },
);

/** The database and what its keys are derived with (the secret only as a sign-only CryptoKey). */
export interface KeyedLinks {
  db: LinksDatabase;
  salt: string;
  key: CryptoKey;
}

let keyed: { db: LinksDatabase; ready: Promise<KeyedLinks> } | undefined;

/** The links database with its key material, made on first use (rekeying release 1's rows), then kept. */
export async function keyedLinksDb(): Promise<KeyedLinks> {
  const db = await openLinksDb();
  if (keyed?.db !== db) {
    const ready = ensureMaterial(db);
    keyed = { db, ready };
    ready.catch(() => {
      if (keyed?.ready === ready) keyed = undefined;
    });
  }
  return keyed.ready;
}

export async function linksDb(): Promise<LinksDatabase> {
  return (await keyedLinksDb()).db;
}

async function ensureMaterial(db: LinksDatabase): Promise<KeyedLinks> {
  const stored = KeyMaterialSchema.safeParse(await db.get('meta', META_ID));
  if (stored.success) {
    // Left by a migration cut off between its transaction and this removal.
    if ((await legacySalt.getValue()) !== null) await legacySalt.removeValue();
    return { db, salt: stored.data.salt, key: await hmacKey(stored.data.secret) };
  }
  // Migration 2: the rows (keyed by release 1's salted hash) are rekeyed in the same transaction that stores
  // the material, so a cut-off run leaves release 1's data whole and is simply run again.
  const salt = SaltSchema.safeParse(await legacySalt.getValue());
  const material = freshMaterial(salt.success ? salt.data : undefined);
  const key = await hmacKey(material.secret);
  const rows = await linksDbMigrations[2](await db.getAll('links'), (old) => rekey(key, old));
  const tx = db.transaction(['links', 'meta'], 'readwrite', STRICT);
  const links = tx.objectStore('links');
  await Promise.all([
    links.clear(),
    ...rows.map((r) => links.put(r)),
    tx.objectStore('meta').put({ id: META_ID, ...material }),
    tx.done,
  ]);
  await legacySalt.removeValue();
  return { db, salt: material.salt, key };
}

/** The material itself, in plain form: only for the encrypted backup (utils/background/backup). */
export async function exportKeyMaterial(): Promise<KeyMaterial> {
  const { db } = await keyedLinksDb();
  return KeyMaterialSchema.parse(await db.get('meta', META_ID));
}

/**
 * Replaces every link and the material in one transaction (a backup restored, or erase with `null`: new
 * material is then made on next use).
 */
export async function replaceLinkRows(material: KeyMaterial | null, rows: LinkRow[]): Promise<void> {
  const { db } = await keyedLinksDb();
  const tx = db.transaction(['links', 'meta'], 'readwrite', STRICT);
  const links = tx.objectStore('links');
  const meta = tx.objectStore('meta');
  await Promise.all([
    links.clear(),
    ...rows.map((r) => links.put(r)),
    material ? meta.put({ id: META_ID, ...material }) : meta.clear(),
    tx.done,
  ]);
  // Derived keys from the old material must not be used again.
  keyed = undefined;
}
