import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  beginSend,
  completeSend,
  historyCsv,
  latestRecords,
  listHistory,
  pruneHistory,
  recoverInterrupted,
} from '@/utils/background/storage/history';

const base = {
  store: 'smartstore',
  orderNo: '1',
  productOrderNo: '11',
  recipientNickname: '김하늘',
  templateId: 'shipped',
  templateName: '발송 완료',
};

describe('send history (exactly once)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lets exactly one of concurrent sends of the same message through', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => beginSend({ ...base, requestId: crypto.randomUUID() }, { allowRepeat: true })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'in-flight')).toBe(true);
  });

  it('refuses the same request twice, and a repeat without confirmation', async () => {
    const requestId = crypto.randomUUID();
    const first = await beginSend({ ...base, requestId }, { allowRepeat: false });
    if (!first.ok) throw new Error('expected ok');
    await completeSend(first.record.id, { status: 'sent' });
    expect(await beginSend({ ...base, requestId }, { allowRepeat: true })).toMatchObject({
      ok: false,
      reason: 'duplicate-request',
    });
    expect(await beginSend({ ...base, requestId: crypto.randomUUID() }, { allowRepeat: false })).toMatchObject({
      ok: false,
      reason: 'already-sent',
    });
    expect(await beginSend({ ...base, requestId: crypto.randomUUID() }, { allowRepeat: true })).toMatchObject({
      ok: true,
    });
  });

  it('completes only pending records, and a failed send may be tried again', async () => {
    const r = await beginSend(base, { allowRepeat: false });
    if (!r.ok) throw new Error('expected ok');
    await completeSend(r.record.id, { status: 'failed', error: { code: '-530', ko: '거부', en: 'refuses' } });
    await completeSend(r.record.id, { status: 'sent' });
    expect((await listHistory())[0]).toMatchObject({ status: 'failed', error: { code: '-530' } });
    expect(await beginSend(base, { allowRepeat: false })).toMatchObject({ ok: true });
  });

  it('turns records left pending by a crash into "check the outcome", never back into sends', async () => {
    await beginSend(base, { allowRepeat: false });
    expect(await recoverInterrupted()).toBe(1);
    expect((await listHistory())[0]).toMatchObject({ status: 'unknown', error: { code: 'interrupted' } });
    expect(await beginSend(base, { allowRepeat: false })).toMatchObject({ ok: false, reason: 'already-sent' });
  });

  it('gives the newest record per product order from one read', async () => {
    const a = await beginSend({ ...base, templateId: 'a' }, { allowRepeat: false, now: 1 });
    const b = await beginSend({ ...base, templateId: 'b' }, { allowRepeat: false, now: 2 });
    if (!a.ok || !b.ok) throw new Error('expected ok');
    const latest = await latestRecords(['11', '99']);
    expect(latest.get('11')?.id).toBe(b.record.id);
    expect(latest.has('99')).toBe(false);
  });

  it('filters, exports CSV safely for spreadsheets, and prunes by retention', async () => {
    const a = await beginSend({ ...base, recipientNickname: '=HYPERLINK("x")' }, { allowRepeat: false, now: 1_000 });
    const b = await beginSend(
      { ...base, productOrderNo: '22', recipientNickname: '박, "바다"' },
      { allowRepeat: false, now: Date.now() },
    );
    if (!a.ok || !b.ok) throw new Error('expected ok');
    await completeSend(b.record.id, { status: 'sent' });
    expect(await listHistory({ status: 'sent' })).toHaveLength(1);
    expect(await listHistory({ query: '바다' })).toHaveLength(1);
    const csv = historyCsv(await listHistory());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"박, ""바다"""');
    await completeSend(a.record.id, { status: 'sent' });
    expect(await pruneHistory(7)).toBe(1);
    expect(await listHistory()).toHaveLength(1);
  });
});
