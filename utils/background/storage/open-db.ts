import { openDB, type DBSchema, type IDBPDatabase, type StoreNames, type StoreValue } from 'idb';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * Where a store's data was kept before (a storage.local item), and how its value becomes rows (a pure function
 * in migrations.ts). A move into another store, so not a WXT item migration: see migrations.ts.
 */
export interface LegacyData<S extends DBSchema, N extends StoreNames<S>> {
  item: WxtStorageItem<unknown, Record<string, unknown>>;
  store: N;
  rows(value: unknown): StoreValue<S, N>[];
}

/**
 * A database (its name and version in utils/shared/storage-keys.ts) opened once per worker and shared by its callers. On first open it moves in what an earlier
 * version kept in storage.local: rows are put by key (so a repeat after a crash adds nothing), then the old
 * item is removed; rows are checked when read, like every row. Opened again if the IndexedDB factory is
 * replaced (tests give each test a fresh one); a failed open is retried by the next call, not remembered.
 */
export function cachedDb<S extends DBSchema, N extends StoreNames<S>>(
  db: { key: string; version: number },
  upgrade: (db: IDBPDatabase<S>) => void,
  legacy: LegacyData<S, N>,
): () => Promise<IDBPDatabase<S>> {
  let opened: { factory: IDBFactory; db: Promise<IDBPDatabase<S>> } | undefined;
  return () => {
    if (!opened || opened.factory !== globalThis.indexedDB) {
      const opening = openDB<S>(db.key, db.version, { upgrade }).then(async (d) => {
        await moveIn(d, legacy);
        return d;
      });
      opened = { factory: globalThis.indexedDB, db: opening };
      opening.catch(() => {
        if (opened?.db === opening) opened = undefined;
      });
    }
    return opened.db;
  };
}

async function moveIn<S extends DBSchema, N extends StoreNames<S>>(
  d: IDBPDatabase<S>,
  legacy: LegacyData<S, N>,
): Promise<void> {
  const value = await legacy.item.getValue();
  if (value === null) return;
  const tx = d.transaction(legacy.store, 'readwrite', { durability: 'strict' });
  await Promise.all([...legacy.rows(value).map((row) => tx.store.put(row)), tx.done]);
  await legacy.item.removeValue({ removeMeta: true });
}
