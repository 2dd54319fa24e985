import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * A database opened once per worker and shared by its callers, then prepared once (e.g. data moved in from
 * older storage). Opened again if the IndexedDB factory is replaced (tests give each test a fresh one); a
 * failed open is retried by the next call instead of being remembered.
 */
export function cachedDb<S extends DBSchema>(
  name: string,
  upgrade: (db: IDBPDatabase<S>) => void,
  prepare: (db: IDBPDatabase<S>) => Promise<void>,
): () => Promise<IDBPDatabase<S>> {
  let opened: { factory: IDBFactory; db: Promise<IDBPDatabase<S>> } | undefined;
  return () => {
    if (!opened || opened.factory !== globalThis.indexedDB) {
      const db = openDB<S>(name, 1, { upgrade }).then(async (d) => {
        await prepare(d);
        return d;
      });
      opened = { factory: globalThis.indexedDB, db };
      db.catch(() => {
        if (opened?.db === db) opened = undefined;
      });
    }
    return opened.db;
  };
}
