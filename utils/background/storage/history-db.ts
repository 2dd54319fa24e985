import type { DBSchema } from 'idb';
import { storage } from 'wxt/utils/storage';
import { historyRows } from './migrations';
import { cachedDb } from './open-db';
import { HISTORY_DB, SEND_HISTORY } from '@/utils/shared/storage-keys';

// Send history lives in IndexedDB, one row a send, indexed by product order, status and time. It used to be
// one array in storage.local, rewritten whole on every send: at 1,000 records a send cost ~0.3 s of storage
// work and at a year of 40 orders a day ~4 s (measured in Chromium), so a bulk of 40 took minutes. Here a
// send touches its own row and the few rows of its product order.

export interface HistoryRow {
  id: string;
  createdAt: number;
  productOrderNo: string;
  status: string;
  [field: string]: unknown;
}

interface HistoryDb extends DBSchema {
  records: { key: string; value: HistoryRow; indexes: { productOrderNo: string; status: string; createdAt: number } };
}

/** The database, opened once per worker; history kept in storage.local by earlier versions moves in. */
export const historyDb = cachedDb<HistoryDb, 'records'>(
  HISTORY_DB,
  (d) => {
    const records = d.createObjectStore('records', { keyPath: 'id' });
    records.createIndex('productOrderNo', 'productOrderNo');
    records.createIndex('status', 'status');
    records.createIndex('createdAt', 'createdAt');
  },
  {
    item: storage.defineItem<unknown>(SEND_HISTORY.key, { fallback: null }),
    store: 'records',
    // Only rows with their key and indexed fields: one without an id would fail the whole move.
    rows: historyRows,
  },
);

/** Erase all: the rows go, the database stays (opened, empty). */
export async function clearHistoryDb(): Promise<void> {
  await (await historyDb()).clear('records');
}
