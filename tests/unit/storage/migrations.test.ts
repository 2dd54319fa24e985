import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type z } from 'zod';
import { DEFAULT_SETTINGS, SettingsSchema } from '@/utils/shared/settings-schema';
import {
  CUSTOMER_LINKS,
  LINK_SALT,
  LINKS_DB,
  REVIEW_PROGRESS,
  REVIEW_TICKS,
  SEND_HISTORY,
  SETTINGS,
  areaKey,
} from '@/utils/shared/storage-keys';
import { HistoryRecordSchema, ReviewProgressSchema } from '@/utils/shared/wire';
import type { Order } from '@/utils/shared/order';

// Each older shape a release stored, written the way WXT stores it (the value under the key, `{ v: N }`
// under `<key>$`: node_modules/@wxt-dev/storage/dist/index.mjs), then read through the real module. The
// modules are loaded after the write, as the updated extension's worker starts with the old data: WXT runs
// an item's migrations when the item is defined.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve('tests/fixtures/storage', `${name}.json`), 'utf8'));

async function storeOld(key: `local:${string}`, version: number, value: unknown): Promise<void> {
  const name = areaKey(key);
  await fakeBrowser.storage.local.set({ [name]: value, [`${name}$`]: { v: version } });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('stored data from earlier releases', () => {
  it('settings v1 (first release: no custom admins) reads whole, nothing falling back to defaults', async () => {
    const old = fixture('settings-v1') as z.infer<typeof SettingsSchema>;
    await storeOld(SETTINGS.key, 1, old);
    const { getSettings } = await import('@/utils/background/storage/settings-store');
    const settings = SettingsSchema.parse(await getSettings());
    // Release 1 had no AlimTalk: it reads as off, with nothing set up.
    expect(settings).toEqual({ ...old, customAdmins: [], alimtalk: DEFAULT_SETTINGS.alimtalk });
  });

  it('review progress v1 with the options page’s old ticks: merged once (a stored step wins), ticks removed', async () => {
    const progress = fixture('reviewChecklist-v1') as Record<string, number>;
    const ticks = fixture('reviewTicks-v1') as Record<string, unknown>;
    await storeOld(REVIEW_PROGRESS.key, 1, progress);
    await storeOld(REVIEW_TICKS.key, 1, ticks);
    const { getReviewProgress } = await import('@/utils/background/storage/review-progress');
    const read = ReviewProgressSchema.parse(await getReviewProgress());
    // The malformed tick is dropped as a whole set (the old shape did not validate), the stored steps stay.
    expect(read).toEqual(progress);
    expect(await fakeBrowser.storage.local.get(areaKey(REVIEW_TICKS.key))).toEqual({});
  });

  it('old ticks alone (no review progress yet) move in', async () => {
    await storeOld(REVIEW_TICKS.key, 1, { bizAppAt: 5, optInPageAt: 6 });
    const { getReviewProgress } = await import('@/utils/background/storage/review-progress');
    expect(ReviewProgressSchema.parse(await getReviewProgress())).toEqual({ bizAppAt: 5, optInPageAt: 6 });
  });

  it('send history v1 (an array in storage.local) moves into IndexedDB, every valid record kept', async () => {
    const old = fixture('sendHistory-v1') as Record<string, unknown>[];
    await storeOld(SEND_HISTORY.key, 1, old);
    const { exportHistory } = await import('@/utils/background/storage/history');
    const rows = await exportHistory();
    for (const r of rows) HistoryRecordSchema.parse(r);
    expect(rows.map((r) => r.id).sort()).toEqual(['h1', 'h2']);
    expect(rows.find((r) => r.id === 'h1')).toMatchObject(old[0]!);
    const key = areaKey(SEND_HISTORY.key);
    expect(await fakeBrowser.storage.local.get([key, `${key}$`])).toEqual({});
  });

  it('customer links v1 (a map in storage.local) move into IndexedDB, every valid link kept', async () => {
    const old = fixture('customerLinks-v1') as Record<string, unknown>;
    await storeOld(CUSTOMER_LINKS.key, 1, old);
    const { exportLinks, LinksPartSchema } = await import('@/utils/background/storage/links');
    const { hmacKey, rekey } = await import('@/utils/background/storage/customer-key');
    const file = LinksPartSchema.parse(await exportLinks());
    const [key, link] = Object.entries(old)[0]!;
    // Moved in under release 1's key, then rekeyed by links database migration 2.
    expect(file.links).toEqual({ [await rekey(await hmacKey(file.secret), key)]: link });
    const name = areaKey(CUSTOMER_LINKS.key);
    expect(await fakeBrowser.storage.local.get([name, `${name}$`])).toEqual({});
  });

  describe('links database v1 (keys: salted SHA-256, salt in storage.local) → v2 (HMAC under a secret)', () => {
    const v1 = fixture('linksDb-v1') as { salt: string; identities: string[]; rows: { key: string }[] };
    // The database as release 1 made it: version 1, one store, rows keyed by the salted hash.
    async function storeV1(): Promise<void> {
      await storeOld(LINK_SALT.key, 1, v1.salt);
      const db = await openDB(LINKS_DB.key, 1, {
        upgrade: (d) => void d.createObjectStore('links', { keyPath: 'key' }),
      });
      for (const row of v1.rows) await db.put('links', row);
      db.close();
    }
    const orderOf = (identity: string) => {
      const [store, kind, value] = identity.split(':') as [string, string, string];
      return {
        store,
        orderNo: '1',
        productOrderNo: '1',
        buyerName: '고객',
        productName: '현미',
        ...(kind === 'id' ? { buyerId: value } : { buyerPhone: value }),
      } as Order;
    };

    it('rekeys every row (none lost), finds each customer again, and moves the salt out of storage.local', async () => {
      await storeV1();
      const { getLink } = await import('@/utils/background/storage/links');
      for (const [i, identity] of v1.identities.entries())
        expect(await getLink(orderOf(identity))).toMatchObject({ friendUuid: `uuid-${i + 1}` });
      const db = await openDB(LINKS_DB.key);
      const rows = (await db.getAll('links')) as { key: string }[];
      expect(db.version).toBe(2);
      expect(rows).toHaveLength(v1.rows.length);
      for (const old of v1.rows) expect(rows.map((r) => r.key)).not.toContain(old.key);
      const meta = (await db.getAll('meta')) as { salt: string; secret: string }[];
      expect(meta).toEqual([
        expect.objectContaining({ salt: v1.salt, secret: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      ]);
      db.close();
      expect(await fakeBrowser.storage.local.get(areaKey(LINK_SALT.key))).toEqual({});
    });

    it('a run cut off midway leaves release 1’s data whole, and the next run completes it', async () => {
      await storeV1();
      const { getLink } = await import('@/utils/background/storage/links');
      const sign = vi.spyOn(crypto.subtle, 'sign').mockRejectedValueOnce(new Error('worker stopped'));
      await expect(getLink(orderOf(v1.identities[0]!))).rejects.toThrow('worker stopped');
      const db = await openDB(LINKS_DB.key);
      expect(((await db.getAll('links')) as { key: string }[]).map((r) => r.key).sort()).toEqual(
        v1.rows.map((r) => r.key).sort(),
      );
      expect(await db.count('meta')).toBe(0);
      db.close();
      expect(await fakeBrowser.storage.local.get(areaKey(LINK_SALT.key))).toEqual({ linkSalt: v1.salt });
      sign.mockRestore();
      expect(await getLink(orderOf(v1.identities[1]!))).toMatchObject({ friendUuid: 'uuid-2' });
    });
  });
});
