import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beginSend, eraseHistory, listHistory, recoverInterrupted } from '@/utils/background/storage/history';
import { historyDb } from '@/utils/background/storage/history-db';

const old = (id: string, status: string, createdAt: number) => ({
  id,
  createdAt,
  store: 'smartstore',
  orderNo: `O${id}`,
  productOrderNo: `P${id}`,
  recipientNickname: '고객',
  templateId: 't',
  templateName: 'T',
  status,
});

describe('send history storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves history kept in storage.local by earlier versions into the database once, keeping pending ones pending', async () => {
    await fakeBrowser.storage.local.set({
      sendHistory: [old('a', 'sent', 1), old('b', 'pending', 2), { id: 'broken' }],
      sendHistory$: { v: 1 },
    });
    // The first use moves it: a crash-recovery pass sees the pending send from before the update.
    expect(await recoverInterrupted()).toBe(1);
    expect((await listHistory()).map((r) => [r.id, r.status])).toEqual([
      ['b', 'unknown'],
      ['a', 'sent'],
    ]);
    expect(await fakeBrowser.storage.local.get(['sendHistory', 'sendHistory$'])).toEqual({});
    // The moved records still guard against sending twice.
    expect(await beginSend({ ...old('x', 'sent', 3), productOrderNo: 'Pa' }, { allowRepeat: false })).toMatchObject({
      ok: false,
      reason: 'already-sent',
    });
  });

  it('lists newest first and stops at the limit', async () => {
    for (let i = 0; i < 8; i++)
      await beginSend({ ...old(String(i), 'pending', 0), requestId: `r${i}` }, { allowRepeat: false, now: 1000 + i });
    expect((await listHistory({ limit: 3 })).map((r) => r.productOrderNo)).toEqual(['P7', 'P6', 'P5']);
  });

  // The 5,001 rows go in as one transaction straight into the database: importHistory checks each id in a
  // transaction of its own, which took ~3 s of this test under fake-indexeddb and is not what it is about.
  // Reading the rows back through the cursor, twice, still takes 1–2 s and more when the machine is busy
  // (parallel test files, CI), hence a timeout above vitest's default 5 s.
  it('lists the newest 5,000 unless asked for every record (the CSV export)', { timeout: 20_000 }, async () => {
    const tx = (await historyDb()).transaction('records', 'readwrite');
    await Promise.all([...Array.from({ length: 5001 }, (_, i) => tx.store.put(old(`k${i}`, 'sent', i))), tx.done]);
    const page = await listHistory();
    expect(page).toHaveLength(5000);
    // The page is the newest 5,000: the oldest record is the one left out.
    expect([page[0]!.id, page.at(-1)!.id]).toEqual(['k5000', 'k1']);
    expect(await listHistory({ limit: Number.POSITIVE_INFINITY })).toHaveLength(5001);
  });

  it('is emptied by erase-all', async () => {
    await beginSend(old('z', 'pending', 0), { allowRepeat: false });
    await eraseHistory();
    expect(await listHistory()).toEqual([]);
  });
});
