import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

// happy-dom has no IndexedDB; send history lives there (utils/compose/history-db.ts). Each test gets an
// empty one, as each gets an empty fake browser storage: the history module reopens on a new factory.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
