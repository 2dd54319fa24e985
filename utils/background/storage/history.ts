import { z } from 'zod';
import { HistoryRecordSchema, type HistoryRecord } from '@/utils/shared/wire';
import { clearHistoryDb, historyDb, type HistoryRow } from './history-db';

// The exactly-once record: every send is written as pending before the request and completed after.
// A pending record found when the background starts belongs to a send that was cut off: it becomes
// "결과 확인 필요" (unknown) and is never re-sent automatically.
const StoredSchema = HistoryRecordSchema.extend({
  requestId: z.string().optional(),
  friendId: z.number().nullable().optional(),
});
export type StoredRecord = z.infer<typeof StoredSchema>;

let chain: Promise<unknown> = Promise.resolve();
/**
 * Runs history work one at a time in this worker: a read asked for right after the worker starts waits for
 * crash recovery, and check-then-write steps never interleave (IndexedDB transactions also keep them atomic).
 */
function locked<T>(run: () => Promise<T>): Promise<T> {
  const next = chain.then(run);
  chain = next.catch(() => undefined);
  return next;
}

/** Every row read is checked; a row that no longer fits the schema is left out, not shown half-read. */
function valid(rows: HistoryRow[]): StoredRecord[] {
  return rows.flatMap((r) => {
    const parsed = StoredSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Pending and outcome writes are made durable before the send goes on (strict: flushed to disk). */
const STRICT = { durability: 'strict' } as const;

export type BeginResult =
  | { ok: true; record: StoredRecord }
  | { ok: false; reason: 'duplicate-request' | 'in-flight' | 'already-sent'; existing: StoredRecord };

export function beginSend(
  input: Omit<StoredRecord, 'id' | 'createdAt' | 'status'>,
  opts: { allowRepeat: boolean; now?: number },
): Promise<BeginResult> {
  return locked(async () => {
    const tx = (await historyDb()).transaction('records', 'readwrite', STRICT);
    // One notice per store + product order + template: the same number in another store is another order.
    // Records from before the store was part of the key already carry it, so they guard the same way.
    const same = valid(await tx.store.index('productOrderNo').getAll(input.productOrderNo)).filter(
      (r) => r.store === input.store && r.templateId === input.templateId,
    );
    const dup = input.requestId ? same.find((r) => r.requestId === input.requestId) : undefined;
    const inFlight = same.find((r) => r.status === 'pending');
    const done = same.find((r) => r.status === 'sent' || r.status === 'unknown');
    const refusal: BeginResult | undefined = dup
      ? { ok: false, reason: 'duplicate-request', existing: dup }
      : inFlight
        ? { ok: false, reason: 'in-flight', existing: inFlight }
        : done && !opts.allowRepeat
          ? { ok: false, reason: 'already-sent', existing: done }
          : undefined;
    if (refusal) {
      await tx.done;
      return refusal;
    }
    const record: StoredRecord = {
      ...input,
      id: crypto.randomUUID(),
      createdAt: opts.now ?? Date.now(),
      status: 'pending',
    };
    await Promise.all([tx.store.add(record), tx.done]);
    return { ok: true, record };
  });
}

export function completeSend(
  id: string,
  outcome: Pick<StoredRecord, 'status' | 'error'>,
  now = Date.now(),
): Promise<void> {
  return locked(async () => {
    const tx = (await historyDb()).transaction('records', 'readwrite', STRICT);
    const [r] = valid([await tx.store.get(id)].filter((x): x is HistoryRow => !!x));
    // Only pending records take an outcome.
    if (r?.status === 'pending')
      await tx.store.put({
        ...r,
        status: outcome.status,
        ...(outcome.error && { error: outcome.error }),
        completedAt: now,
      });
    await tx.done;
  });
}

/**
 * Changes a record after its outcome: an AlimTalk's delivery as SOLAPI reports it, or an unknown outcome resolved by
 * asking SOLAPI. `change` sees the stored record and returns the fields to change, or nothing to leave it.
 */
export function amendRecord(
  id: string,
  change: (r: StoredRecord) => Partial<Omit<StoredRecord, 'id' | 'createdAt'>> | undefined,
): Promise<StoredRecord | undefined> {
  return locked(async () => {
    const tx = (await historyDb()).transaction('records', 'readwrite', STRICT);
    const [r] = valid([await tx.store.get(id)].filter((x): x is HistoryRow => !!x));
    const patch = r && change(r);
    const next = r && patch ? StoredSchema.parse({ ...r, ...patch }) : undefined;
    if (next) await tx.store.put(next);
    await tx.done;
    return next;
  });
}

/** AlimTalk records SOLAPI may still change: accepted and not final, or unknown, from the last `days`. */
export function alimtalkToTrack(days = 7, now = Date.now()): Promise<StoredRecord[]> {
  return locked(async () => {
    const rows = await (
      await historyDb()
    ).getAllFromIndex('records', 'createdAt', IDBKeyRange.lowerBound(now - days * 86_400_000));
    return valid(rows).filter(
      (r) =>
        r.channel === 'alimtalk' &&
        (r.status === 'unknown' || (r.status === 'sent' && r.delivery?.state === 'accepted')),
    );
  });
}

/** At background start nothing is in flight: any pending record was cut off mid-send. */
export function recoverInterrupted(now = Date.now()): Promise<number> {
  return locked(async () => {
    const tx = (await historyDb()).transaction('records', 'readwrite', STRICT);
    const pending = valid(await tx.store.index('status').getAll('pending'));
    const error = {
      code: 'interrupted',
      ko: '보내는 도중 중단됐어요. 도착했는지 확인이 필요해요.',
      en: 'Interrupted while sending; check whether it arrived.',
    };
    await Promise.all([
      ...pending.map((r) => tx.store.put({ ...r, status: 'unknown', error, completedAt: now })),
      tx.done,
    ]);
    return pending.length;
  });
}

export async function listHistory(
  filter: { status?: HistoryRecord['status']; query?: string; limit?: number; ids?: string[] } = {},
): Promise<HistoryRecord[]> {
  const q = filter.query?.trim().toLowerCase();
  const limit = filter.limit ?? 5000;
  const ids = filter.ids;
  if (ids)
    return locked(async () => {
      const store = (await historyDb()).transaction('records').store;
      const rows = (await Promise.all(ids.map((id) => store.get(id)))).filter((x): x is HistoryRow => !!x);
      return valid(rows).map(({ requestId: _r, friendId: _f, ...rest }) => rest);
    });
  return locked(async () => {
    // Newest first, stopping at the limit: the popup's last five read five rows, not the whole history.
    const out: HistoryRecord[] = [];
    let cursor = await (await historyDb()).transaction('records').store.index('createdAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      const [r] = valid([cursor.value]);
      if (
        r &&
        (!filter.status || r.status === filter.status) &&
        (!q ||
          [r.orderNo, r.productOrderNo, r.recipientNickname, r.templateName].some((v) => v.toLowerCase().includes(q)))
      ) {
        const { requestId: _r, friendId: _f, ...rest } = r;
        out.push(rest);
      }
      cursor = await cursor.continue();
    }
    return out;
  });
}

function newest(records: StoredRecord[]): StoredRecord | undefined {
  return records.reduce<StoredRecord | undefined>((a, r) => (!a || r.createdAt >= a.createdAt ? r : a), undefined);
}

/** The newest record for this store's product order (and template, when given). */
export async function lastRecordFor(
  key: { store: string; productOrderNo: string },
  templateId?: string,
): Promise<StoredRecord | undefined> {
  return locked(async () => {
    const rows = valid(await (await historyDb()).getAllFromIndex('records', 'productOrderNo', key.productOrderNo));
    return newest(rows.filter((r) => r.store === key.store && (!templateId || r.templateId === templateId)));
  });
}

/**
 * The newest record of each product order (of one store, when given), in one read-only transaction (row
 * badges ask for hundreds at once).
 */
export async function latestRecords(productOrderNos: string[], store?: string): Promise<Map<string, StoredRecord>> {
  return locked(async () => {
    const index = (await historyDb()).transaction('records').store.index('productOrderNo');
    const wanted = [...new Set(productOrderNos)];
    const found = await Promise.all(
      wanted.map(
        async (no) => [no, newest(valid(await index.getAll(no)).filter((r) => !store || r.store === store))] as const,
      ),
    );
    return new Map(found.filter((e): e is readonly [string, StoredRecord] => !!e[1]));
  });
}

/** What one send (its request id) left in the history for these product orders: read after a worker restart. */
export async function recordsOfRequest(productOrderNos: string[], requestId: string): Promise<StoredRecord[]> {
  return locked(async () => {
    const index = (await historyDb()).transaction('records').store.index('productOrderNo');
    const rows = await Promise.all([...new Set(productOrderNos)].map(async (no) => valid(await index.getAll(no))));
    return rows.flat().filter((r) => r.requestId === requestId);
  });
}

export function pruneHistory(retentionDays: number, now = Date.now()): Promise<number> {
  return locked(async () => {
    const tx = (await historyDb()).transaction('records', 'readwrite');
    let removed = 0;
    // Oldest first, up to the cutoff; a pending record is kept whatever its age.
    let cursor = await tx.store
      .index('createdAt')
      .openCursor(IDBKeyRange.upperBound(now - retentionDays * 86_400_000, true));
    while (cursor) {
      if (cursor.value.status !== 'pending') {
        await cursor.delete();
        removed++;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  });
}

const STATUS_KO: Record<HistoryRecord['status'], string> = {
  sent: '보냄',
  failed: '실패',
  unknown: '결과 확인 필요',
  pending: '보내는 중',
  skipped: '건너뜀',
};

/** UTF-8 with BOM for Excel; cells that a spreadsheet would run as formulas are defused. */
export function historyCsv(records: HistoryRecord[]): string {
  const cell = (v: unknown) => {
    if (v && typeof v === 'object' && 'text' in v) return `"${String(v.text).replace(/"/g, '""')}"`;
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const seoul = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  // A long order number would become a rounded number in a spreadsheet (15 significant digits): ="…" keeps
  // it text. Only digit-and-dash values get it, so nothing the page wrote can become a formula.
  const number = (v: string) => (/^[0-9-]+$/.test(v) ? { text: `="${v}"` } : v);
  const head = [
    '시각(KST)',
    '주문번호',
    '상품주문번호',
    '구매자',
    '상품',
    '받는 사람',
    '템플릿',
    '채널',
    '전화번호',
    '비용(원)',
    '상태',
    '도착',
    '오류 코드',
    '오류',
  ];
  const rows = records.map((r) => [
    seoul(r.createdAt),
    number(r.orderNo),
    number(r.productOrderNo),
    r.buyerName ?? '',
    r.productName ?? '',
    r.recipientNickname,
    r.templateName,
    r.channel === 'alimtalk' ? '알림톡' : '친구 메시지',
    r.phoneMasked ?? '',
    r.cost ?? '',
    STATUS_KO[r.status],
    r.delivery?.ko ?? '',
    r.error?.code ?? '',
    r.error?.ko ?? '',
  ]);
  return `\uFEFF${[head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Adds records from a backup that we don't have; an imported pending record can only mean "check it". */
export function importHistory(records: unknown[], apply: boolean): Promise<number> {
  return locked(async () => {
    const db = await historyDb();
    const fresh: StoredRecord[] = [];
    // Every kept id in one read: one read per record took minutes for a two-year backup (73,000 records).
    const seen = new Set<string>(await db.getAllKeys('records'));
    for (const r of records) {
      const parsed = StoredSchema.safeParse(r);
      if (!parsed.success || seen.has(parsed.data.id)) continue;
      seen.add(parsed.data.id);
      fresh.push({ ...parsed.data, status: parsed.data.status === 'pending' ? 'unknown' : parsed.data.status });
    }
    if (apply && fresh.length) {
      const tx = db.transaction('records', 'readwrite', STRICT);
      await Promise.all([...fresh.map((r) => tx.store.put(r)), tx.done]);
    }
    return fresh.length;
  });
}

export async function exportHistory(): Promise<StoredRecord[]> {
  return locked(async () => valid(await (await historyDb()).getAllFromIndex('records', 'createdAt')));
}

/** Part of "erase everything" (data.erase): storage.local.clear() does not reach the database. */
export function eraseHistory(): Promise<void> {
  return locked(clearHistoryDb);
}
