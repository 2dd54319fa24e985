import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { HistoryRecordSchema, type HistoryRecord } from '@/utils/messaging/wire';

// The exactly-once record: every send is written as pending before the request and completed after.
// A pending record found when the background starts belongs to a send that was cut off: it becomes
// "결과 확인 필요" (unknown) and is never re-sent automatically.
const StoredSchema = HistoryRecordSchema.extend({ requestId: z.string().optional(), friendId: z.number().nullable().optional() });
export type StoredRecord = z.infer<typeof StoredSchema>;
const item = storage.defineItem<unknown>('local:sendHistory', { fallback: [], version: 1 });

let chain: Promise<unknown> = Promise.resolve();
/** Serialises read-modify-write so concurrent sends cannot both pass the duplicate check. */
function locked<T>(run: () => Promise<T>): Promise<T> {
  const next = chain.then(run);
  chain = next.catch(() => undefined);
  return next;
}

async function read(): Promise<StoredRecord[]> {
  const raw = await item.getValue();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const parsed = StoredSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

export type BeginResult = { ok: true; record: StoredRecord } | { ok: false; reason: 'duplicate-request' | 'in-flight' | 'already-sent'; existing: StoredRecord };

export function beginSend(
  input: Omit<StoredRecord, 'id' | 'createdAt' | 'status'>,
  opts: { allowRepeat: boolean; now?: number },
): Promise<BeginResult> {
  return locked(async () => {
    const all = await read();
    const same = all.filter((r) => r.productOrderNo === input.productOrderNo && r.templateId === input.templateId);
    const dup = input.requestId ? same.find((r) => r.requestId === input.requestId) : undefined;
    if (dup) return { ok: false, reason: 'duplicate-request', existing: dup };
    const inFlight = same.find((r) => r.status === 'pending');
    if (inFlight) return { ok: false, reason: 'in-flight', existing: inFlight };
    const done = same.find((r) => r.status === 'sent' || r.status === 'unknown');
    if (done && !opts.allowRepeat) return { ok: false, reason: 'already-sent', existing: done };
    const record: StoredRecord = { ...input, id: crypto.randomUUID(), createdAt: opts.now ?? Date.now(), status: 'pending' };
    await item.setValue([...all, record]);
    return { ok: true, record };
  });
}

export function completeSend(id: string, outcome: Pick<StoredRecord, 'status' | 'error'>, now = Date.now()): Promise<void> {
  return locked(async () => {
    const all = await read();
    const r = all.find((x) => x.id === id);
    if (!r || r.status !== 'pending') return; // only pending records take an outcome
    r.status = outcome.status;
    if (outcome.error) r.error = outcome.error;
    r.completedAt = now;
    await item.setValue(all);
  });
}

/** At background start nothing is in flight: any pending record was cut off mid-send. */
export function recoverInterrupted(now = Date.now()): Promise<number> {
  return locked(async () => {
    const all = await read();
    let n = 0;
    for (const r of all) {
      if (r.status !== 'pending') continue;
      r.status = 'unknown';
      r.error = { code: 'interrupted', ko: '보내는 도중 중단됐어요. 도착했는지 확인이 필요해요.', en: 'Interrupted while sending; check whether it arrived.' };
      r.completedAt = now;
      n++;
    }
    if (n) await item.setValue(all);
    return n;
  });
}

export async function listHistory(filter: { status?: HistoryRecord['status']; query?: string; limit?: number } = {}): Promise<HistoryRecord[]> {
  const q = filter.query?.trim().toLowerCase();
  // Through the lock: a list asked for right after the worker starts waits for crash recovery first.
  return (await locked(read))
    .filter((r) => !filter.status || r.status === filter.status)
    .filter((r) => !q || [r.orderNo, r.productOrderNo, r.recipientNickname, r.templateName].some((v) => v.toLowerCase().includes(q)))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, filter.limit ?? 5000)
    .map(({ requestId: _r, friendId: _f, ...rest }) => rest);
}

export async function lastRecordFor(productOrderNo: string, templateId?: string): Promise<StoredRecord | undefined> {
  return (await locked(read))
    .filter((r) => r.productOrderNo === productOrderNo && (!templateId || r.templateId === templateId))
    .sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The newest record of each product order, from one read (row badges ask for hundreds at once). */
export async function latestRecords(productOrderNos: string[]): Promise<Map<string, StoredRecord>> {
  const wanted = new Set(productOrderNos);
  const out = new Map<string, StoredRecord>();
  for (const r of await locked(read)) {
    if (!wanted.has(r.productOrderNo)) continue;
    const seen = out.get(r.productOrderNo);
    if (!seen || r.createdAt >= seen.createdAt) out.set(r.productOrderNo, r);
  }
  return out;
}

export function pruneHistory(retentionDays: number, now = Date.now()): Promise<number> {
  return locked(async () => {
    const all = await read();
    const keep = all.filter((r) => r.status === 'pending' || now - r.createdAt <= retentionDays * 86_400_000);
    if (keep.length !== all.length) await item.setValue(keep);
    return all.length - keep.length;
  });
}

const STATUS_KO: Record<HistoryRecord['status'], string> = { sent: '보냄', failed: '실패', unknown: '결과 확인 필요', pending: '보내는 중', skipped: '건너뜀' };

/** UTF-8 with BOM for Excel; cells that a spreadsheet would run as formulas are defused. */
export function historyCsv(records: HistoryRecord[]): string {
  const cell = (v: unknown) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const seoul = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  const head = ['시각(KST)', '주문번호', '상품주문번호', '받는 사람', '템플릿', '상태', '오류 코드', '오류'];
  const rows = records.map((r) => [seoul(r.createdAt), r.orderNo, r.productOrderNo, r.recipientNickname, r.templateName, STATUS_KO[r.status], r.error?.code ?? '', r.error?.ko ?? '']);
  return `\uFEFF${[head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Adds records from a backup that we don't have; an imported pending record can only mean "check it". */
export function importHistory(records: unknown[], apply: boolean): Promise<number> {
  return locked(async () => {
    const all = await read();
    const ids = new Set(all.map((r) => r.id));
    const fresh = records.flatMap((r) => {
      const parsed = StoredSchema.safeParse(r);
      return parsed.success && !ids.has(parsed.data.id) ? [{ ...parsed.data, status: parsed.data.status === 'pending' ? ('unknown' as const) : parsed.data.status }] : [];
    });
    if (apply && fresh.length) await item.setValue([...all, ...fresh]);
    return fresh.length;
  });
}

export async function exportHistory(): Promise<StoredRecord[]> {
  return read();
}
