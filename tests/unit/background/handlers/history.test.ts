import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHistoryHandlers } from '@/utils/background/handlers/history';
import type { HistoryRecord } from '@/utils/shared/wire';
import { beginSend, completeSend } from '@/utils/background/storage/history';
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

  it('searches buyer and product names too, over every record kept', async () => {
    for (const [no, buyerName, productName] of [
      ['21', '김민지', '수제 딸기잼 500g'],
      ['22', '이서준', '국산 참기름 350ml'],
      ['23', undefined, undefined], // written before buyer and product were kept
    ] as const) {
      const b = await beginSend(
        {
          store: 'smartstore',
          orderNo: `O-${no}`,
          productOrderNo: no,
          recipientNickname: '민지',
          buyerName,
          productName,
          templateId: 'order-confirmed',
          templateName: '주문 확인',
        },
        { allowRepeat: false, now: Number(no) * 1000 },
      );
      if (b.ok) await completeSend(b.record.id, { status: 'sent' });
    }
    const h = createHistoryHandlers();
    expect(orderNos(await send(h, 'history.list', { query: '수제 딸기잼' }))).toEqual(['21']);
    expect(orderNos(await send(h, 'history.list', { query: '이서준' }))).toEqual(['22']);
    expect(orderNos(await send(h, 'history.list', { query: '참기름', limit: 1 }))).toEqual(['22']);
    const all = await send(h, 'history.list', {});
    const rows = all.ok ? (all.value as { records: HistoryRecord[] }).records : [];
    expect(rows.find((r) => r.productOrderNo === '21')).toMatchObject({
      buyerName: '김민지',
      productName: '수제 딸기잼 500g',
    });
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
