import { SECRETS_DB } from '@/utils/shared/storage-keys';

// The AES key that seals secrets at rest. It is a non-extractable CryptoKey kept in the extension origin's
// IndexedDB: content scripts (page origin) cannot open that database, and even extension code can only use
// the key, never read it. So the refresh token and client secret in storage.local are ciphertext to anyone
// who lists storage.

const DB = SECRETS_DB.key;
const STORE = 'keys';
const KEY_ID = 'seal-v1';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB, SECRETS_DB.version);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

let cached: Promise<CryptoKey> | undefined;

export function getSealKey(): Promise<CryptoKey> {
  cached ??= (async () => {
    const db = await openDb();
    try {
      const existing = await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID));
      if (existing instanceof CryptoKey) return existing;
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(key, KEY_ID));
      return key;
    } finally {
      db.close();
    }
  })().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
