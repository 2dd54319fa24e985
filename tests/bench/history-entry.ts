// Bundled by tests/bench/history.ts and run inside the extension's service worker: the shipped history
// module, timed on a real IndexedDB. Not part of the extension build.
import '@/utils/zod-setup';
import { beginSend, completeSend, eraseHistory, importHistory } from '@/utils/compose/history';

function record(i: number) {
  return { id: `seed-${i}`, createdAt: Date.now() - i * 60_000, store: 'smartstore', orderNo: `2026112412${i}`, productOrderNo: `2026112498${i}`, recipientNickname: '김민지', templateId: 'shipped', templateName: '발송 완료 알림', status: 'sent', completedAt: Date.now(), requestId: `req-${i}` };
}

/** Mean ms of one send's bookkeeping (pending before, outcome after) with `existing` records already kept. */
async function perSend(existing: number, sends: number): Promise<number> {
  await eraseHistory();
  if (existing) await importHistory(Array.from({ length: existing }, (_, i) => record(i)), true);
  const t0 = performance.now();
  for (let k = 0; k < sends; k++) {
    const begun = await beginSend({ store: 'smartstore', orderNo: `B${k}`, productOrderNo: `BP${k}`, recipientNickname: '고객', templateId: 'shipped', templateName: '발송 완료 알림', requestId: `bench-${k}` }, { allowRepeat: false });
    if (!begun.ok) throw new Error(`bench send ${k} refused: ${begun.reason}`);
    await completeSend(begun.record.id, { status: 'sent' });
  }
  const ms = (performance.now() - t0) / sends;
  await eraseHistory();
  return ms;
}

(globalThis as unknown as { ordertalkHistoryBench: typeof perSend }).ordertalkHistoryBench = perSend;
