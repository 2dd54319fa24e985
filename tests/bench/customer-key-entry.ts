// Bundled by tests/bench/customer-key.ts and run inside the extension's service worker: a badge lookup for
// 200 orders with the shipped links module (keyed hash: salted SHA-256, then HMAC under the secret) against
// release 1's lookup (salt read from storage.local, salted SHA-256, row read), on the same real IndexedDB.
import '@/utils/shared/zod-setup';
import { browser } from 'wxt/browser';
import { customerIdentity, eraseLinks, exportLinks, getLinks, importLinks } from '@/utils/background/storage/links';
import { linksDb } from '@/utils/background/storage/links-db';
import { saltedHash } from '@/utils/background/storage/customer-key';
import type { Order } from '@/utils/shared/order';

const order = (i: number): Order => ({
  store: 'smartstore',
  orderNo: `O${i}`,
  productOrderNo: `P${i}`,
  buyerName: '고객',
  ...(i % 2 ? { buyerId: `buyer${i}` } : { buyerPhone: `010-${String(1000 + i).padStart(4, '0')}-5678` }),
  productName: '현미',
});
const link = (i: number) => ({ friendId: i, friendUuid: `u${i}`, nickname: `친구${i}`, linkedAt: i });

// Where release 1 kept its salt, under a name of the bench's own (the module moves local:linkSalt away).
const SALT_KEY = 'benchLinkSalt';

/** Release 1's getLinks, as it was: one salt read, a salted SHA-256 per order, one read-only transaction. */
async function oldGetLinks(orders: Order[]): Promise<number> {
  const salt = ((await browser.storage.local.get(SALT_KEY)) as Record<string, string>)[SALT_KEY]!;
  const keys = await Promise.all(
    orders.map(async (o) => {
      const who = customerIdentity(o);
      return 'id' in who ? saltedHash(salt, who.id) : null;
    }),
  );
  const store = (await linksDb()).transaction('links').store;
  const found = await Promise.all(keys.map(async (k) => (k ? store.get(k) : undefined)));
  return found.filter(Boolean).length;
}

/** Mean ms of one lookup for 200 linked orders among `existing` links, today's and release 1's, interleaved. */
async function lookups(existing: number, rounds: number): Promise<{ keyed: number; old: number }> {
  await eraseLinks();
  const orders = Array.from({ length: 200 }, (_, i) => order(i));
  // Both kinds of key in one store: the 200 orders under today's keys (linked through the module) and under
  // release 1's (salted hash with the same salt), plus filler rows.
  const { salt } = await exportLinks();
  const links: Record<string, unknown> = {};
  for (let i = 0; i < existing; i++) links[i.toString(16).padStart(64, '0')] = link(i);
  for (const [i, o] of orders.entries()) {
    const who = customerIdentity(o);
    if ('id' in who) links[await saltedHash(salt, who.id)] = link(i);
  }
  // Imported as a release 1 file: every key is rekeyed, so today's keys of the 200 orders are among them.
  await importLinks({ format: 'ordertalk-links', version: 1, salt, links });
  await browser.storage.local.set({ [SALT_KEY]: salt });
  const db = await linksDb();
  const tx = db.transaction('links', 'readwrite');
  await Promise.all([
    ...orders.map(async (o, i) => {
      const who = customerIdentity(o);
      if ('id' in who) await tx.store.put({ ...link(i), key: await saltedHash(salt, who.id) });
    }),
    tx.done,
  ]);
  await new Promise((resolve) => setTimeout(resolve, 500));
  if ((await getLinks(orders)).size !== 200 || (await oldGetLinks(orders)) !== 200)
    throw new Error('bench: not every order is linked');
  let keyed = 0;
  let old = 0;
  for (let k = 0; k < rounds; k++) {
    let t0 = performance.now();
    await getLinks(orders);
    keyed += performance.now() - t0;
    t0 = performance.now();
    await oldGetLinks(orders);
    old += performance.now() - t0;
  }
  await eraseLinks();
  await browser.storage.local.remove(SALT_KEY);
  return { keyed: keyed / rounds, old: old / rounds };
}

Object.assign(globalThis, { ordertalkCustomerKeyBench: lookups });
