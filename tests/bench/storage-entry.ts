// Bundled by tests/bench/storage.ts and run inside the extension's service worker: the shipped history and
// link modules, timed on a real IndexedDB. Not part of the extension build.
import '@/utils/shared/zod-setup';
import { beginSend, completeSend, eraseHistory, importHistory } from '@/utils/background/storage/history';
import { eraseLinks, exportLinks, getLinks, importLinks, setLink } from '@/utils/background/storage/links';
import type { Order } from '@/utils/shared/order';

function record(i: number) {
  return {
    id: `seed-${i}`,
    createdAt: Date.now() - i * 60_000,
    store: 'smartstore',
    orderNo: `2026112412${i}`,
    productOrderNo: `2026112498${i}`,
    recipientNickname: '김민지',
    templateId: 'shipped',
    templateName: '발송 완료 알림',
    status: 'sent',
    completedAt: Date.now(),
    requestId: `req-${i}`,
  };
}

/** Lets the database finish writing the seed (it compacts after big writes) before anything is timed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/** Mean ms of one send's bookkeeping (pending before, outcome after) with `existing` records already kept. */
async function perSend(existing: number, sends: number): Promise<number> {
  await eraseHistory();
  if (existing)
    await importHistory(
      Array.from({ length: existing }, (_, i) => record(i)),
      true,
    );
  await settle();
  const t0 = performance.now();
  for (let k = 0; k < sends; k++) {
    const begun = await beginSend(
      {
        store: 'smartstore',
        orderNo: `B${k}`,
        productOrderNo: `BP${k}`,
        recipientNickname: '고객',
        templateId: 'shipped',
        templateName: '발송 완료 알림',
        requestId: `bench-${k}`,
      },
      { allowRepeat: false },
    );
    if (!begun.ok) throw new Error(`bench send ${k} refused: ${begun.reason}`);
    await completeSend(begun.record.id, { status: 'sent' });
  }
  const ms = (performance.now() - t0) / sends;
  await eraseHistory();
  return ms;
}

const order = (i: number): Order => ({
  store: 'smartstore',
  orderNo: `O${i}`,
  productOrderNo: `P${i}`,
  buyerName: '고객',
  buyerId: `buyer${i}`,
  productName: '현미',
});

/** Mean ms of a badge lookup for 200 orders and of linking one new customer, with `existing` links kept. */
async function linkCosts(existing: number): Promise<{ lookup200: number; link: number }> {
  await eraseLinks();
  if (existing) {
    // Seeded through the module's own import, keyed under this install's salt.
    const salt = (await exportLinks()).salt;
    const links: Record<string, unknown> = {};
    for (let i = 0; i < existing; i++)
      links[i.toString(16).padStart(64, '0')] = { friendId: i, friendUuid: `u${i}`, nickname: `친구${i}`, linkedAt: i };
    await importLinks({ format: 'ordertalk-links', version: 1, salt, links }, true);
  }
  await settle();
  const orders = Array.from({ length: 200 }, (_, i) => order(i));
  let t0 = performance.now();
  for (let k = 0; k < 10; k++) await getLinks(orders);
  const lookup200 = (performance.now() - t0) / 10;
  t0 = performance.now();
  for (let k = 0; k < 40; k++) await setLink(order(1000 + k), { id: k, uuid: `n${k}`, nickname: '새 친구' });
  const link = (performance.now() - t0) / 40;
  await eraseLinks();
  return { lookup200, link };
}

Object.assign(globalThis, { ordertalkHistoryBench: perSend, ordertalkLinkBench: linkCosts });
