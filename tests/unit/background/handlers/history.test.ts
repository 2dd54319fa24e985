import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHistoryHandlers } from '@/utils/background/handlers/history';
import type { HistoryRecord } from '@/utils/shared/wire';
import { contentSender, send, sentRecord } from './support';

const orderNos = (reply: Awaited<ReturnType<typeof send>>) =>
  reply.ok ? (reply.value as { records: HistoryRecord[] }).records.map((r) => r.productOrderNo) : [];

describe('history handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the newest first, filtered by status, text and count', async () => {
    await sentRecord('11', { createdAt: 1_000, nickname: '민지' });
    await sentRecord('12', { createdAt: 2_000, status: 'failed', nickname: '하늘' });
    await sentRecord('13', { createdAt: 3_000, nickname: '바다' });
    const h = createHistoryHandlers();
    expect(orderNos(await send(h, 'history.list', {}))).toEqual(['13', '12', '11']);
    expect(orderNos(await send(h, 'history.list', { status: 'failed' }))).toEqual(['12']);
    expect(orderNos(await send(h, 'history.list', { query: '바다' }))).toEqual(['13']);
    expect(orderNos(await send(h, 'history.list', { limit: 2 }))).toEqual(['13', '12']);
  });

  it('exports every record as CSV', async () => {
    await sentRecord('11', { createdAt: 1_000 });
    await sentRecord('12', { createdAt: 2_000, status: 'failed' });
    const reply = await send(createHistoryHandlers(), 'history.exportCsv', {});
    const csv = reply.ok ? (reply.value as { csv: string }).csv : '';
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3); // header and two records, newest first
    expect(lines[1]).toContain('O-12');
    expect(lines[1]).toContain('수신 거부');
    expect(lines[1]).toContain("'-530"); // defused: a spreadsheet would read -530 as a formula
    expect(lines[2]).toContain('O-11');
  });

  it('refuses content scripts and limits beyond what the page may ask', async () => {
    const h = createHistoryHandlers();
    expect(await send(h, 'history.exportCsv', {}, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'history.list', { limit: 100_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
