import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type z } from 'zod';
import { SettingsSchema } from '@/utils/shared/settings-schema';
import {
  CUSTOMER_LINKS,
  REVIEW_PROGRESS,
  REVIEW_TICKS,
  SEND_HISTORY,
  SETTINGS,
  areaKey,
} from '@/utils/shared/storage-keys';
import { HistoryRecordSchema, ReviewProgressSchema } from '@/utils/shared/wire';

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
    expect(settings).toEqual({ ...old, customAdmins: [] });
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
    const { exportLinks, LinksFileSchema } = await import('@/utils/background/storage/links');
    const file = LinksFileSchema.parse(await exportLinks());
    const [key, link] = Object.entries(old)[0]!;
    expect(file.links).toEqual({ [key]: link });
    const name = areaKey(CUSTOMER_LINKS.key);
    expect(await fakeBrowser.storage.local.get([name, `${name}$`])).toEqual({});
  });
});
