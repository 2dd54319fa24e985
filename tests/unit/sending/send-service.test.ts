import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEmulator, type Emulator } from '../../kakao-emulator/client';
import { parseScenario } from '../../kakao-emulator/scenario';
import { emulatorAuthFlow, emulatorFetch } from '../kakao/emulator-fetch';
import { createKakaoService, type KakaoService } from '@/utils/background/kakao/service';
import { createTokenStore } from '@/utils/background/kakao/token-store';
import {
  createSendService,
  FRIEND_GONE,
  PREVIEW_CHANGED,
  type SendService,
} from '@/utils/background/sending/send-service';
import { updateSettings } from '@/utils/background/storage/settings-store';
import { listHistory } from '@/utils/background/storage/history';
import type { Order } from '@/utils/shared/order';
import type { FaultKind } from '../../kakao-emulator/state';

// The send service end to end: its checks, grouping and chunking, the history it writes, against the
// in-process Kakao emulator (operator 1, customers 2…13, all friends who consented).
const KEY = '0123456789abcdef0123456789abcdef';
const CUSTOMERS = Array.from({ length: 12 }, (_, i) => i + 2);
const SCENARIO = parseScenario({
  apps: [
    {
      restApiKey: KEY,
      redirectUris: ['https://client.example.test/callback'],
      linkDomains: ['smartstore.naver.com'],
      friendsMessageApproved: true,
    },
  ],
  users: [{ id: 1, nickname: '운영자' }, ...CUSTOMERS.map((id) => ({ id, nickname: `고객${id}` }))],
  connections: CUSTOMERS.map((user) => ({ app: KEY, user, scopes: ['profile_nickname', 'friends', 'talk_message'] })),
  friendships: CUSTOMERS.map((id) => [1, id]),
});
const SEND_PATH = '/v1/api/talk/friends/message/default/send';

const orderOf = (id: number, store: Order['store'] = 'smartstore'): Order => ({
  store,
  orderNo: `O-${id}`,
  productOrderNo: `P-${id}`,
  buyerName: `고객${id}`,
  buyerId: `buyer${id}`,
  productName: '유기농 현미 5kg',
});

let emu: Emulator;
let clock: number;
/** Runs before each send request reaches the emulator; receives the receivers of that request. */
let beforeSend: (receivers: string[]) => Promise<void>;
/** Receivers of each send request, in order. */
let requests: string[][];
let kakao: KakaoService;
let sending: SendService;

beforeAll(async () => {
  emu = await startEmulator({ scenario: SCENARIO });
});
afterAll(() => emu.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await emu.control.loadScenario(SCENARIO);
  await emu.control.autoApprove(1);
  clock = Date.now();
  requests = [];
  beforeSend = async () => undefined;
  const inner = emulatorFetch(emu);
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith(SEND_PATH)) {
      const receivers = JSON.parse(new URLSearchParams(String(init?.body)).get('receiver_uuids')!) as string[];
      requests.push(receivers);
      await beforeSend(receivers);
    }
    return inner(input, init);
  }) as typeof fetch;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  kakao = createKakaoService({
    fetch: fetchFn,
    now: () => clock,
    getRestApiKey: async () => KEY,
    launchWebAuthFlow: emulatorAuthFlow(emu),
    redirectUri: () => 'https://client.example.test/callback',
    store: createTokenStore(async () => key),
    sleep: async () => undefined,
  });
  sending = createSendService(kakao, () => clock);
  await updateSettings((s) => ({
    ...s,
    sendAcknowledgedAt: 1,
    store: {
      ...s.store,
      name: '하늘상점',
      url: 'https://smartstore.naver.com/sky',
      linkDomains: ['smartstore.naver.com'],
    },
  }));
});

async function signInAndLink(ids: number[], store: Order['store'] = 'smartstore'): Promise<Order[]> {
  await kakao.requestConsent(['friends', 'talk_message']);
  const { friends } = await kakao.friends();
  const orders = ids.map((id) => orderOf(id, store));
  for (const o of orders) await sending.link(o, friends.find((f) => f.profile_nickname === o.buyerName)!.uuid);
  return orders;
}

const send = (orders: Order[], opts: { templateId?: string; confirmRepeatFor?: string[]; sessionId?: string } = {}) =>
  sending.send({
    sessionId: opts.sessionId ?? crypto.randomUUID(),
    orders,
    templateId: opts.templateId ?? 'free-text',
    freeText: opts.templateId ? undefined : '오늘 주문하신 상품이 출발했어요.',
    confirmRepeatFor: opts.confirmRepeatFor ?? [],
    requestId: crypto.randomUUID(),
  });
const statuses = (results: { productOrderNo: string; status: string }[]) =>
  Object.fromEntries(results.map((r) => [r.productOrderNo, r.status]));
const historyStatuses = async () => statuses(await listHistory());

describe('send service against the emulator', () => {
  it.each([
    ['5xx', 500],
    ['gateway', 502],
    ['gateway', 504],
    ['-603', undefined],
  ] as [FaultKind, number | undefined][])(
    'a send answered %s %s is one request and an unknown outcome',
    async (kind, status) => {
      const [o] = await signInAndLink([2]);
      await emu.control.fault({ path: SEND_PATH, kind, status });
      const [r] = await send([o!]);
      expect(r).toMatchObject({ productOrderNo: 'P-2', status: 'unknown' });
      expect(emu.world.requests.filter((q) => q.path === SEND_PATH)).toHaveLength(1);
      expect(await historyStatuses()).toEqual({ 'P-2': 'unknown' });
      // Unknown counts as a possible send: the next compose asks to confirm this order on its own.
      const [item] = await sending.prepare([o!], 'free-text', 'x');
      expect(item!.item).toMatchObject({ needsReconfirm: true, lastSent: { status: 'unknown' } });
    },
  );

  it('leaves out orders that already got this notice unless each is confirmed, per store', async () => {
    const orders = await signInAndLink([2, 3, 4, 5]);
    await send(orders.slice(0, 2), { templateId: 'order-confirmed' });
    expect(requests).toHaveLength(2);
    const prepared = await sending.prepare(orders, 'order-confirmed');
    expect(prepared.map((p) => p.item.needsReconfirm)).toEqual([true, true, false, false]);
    expect(prepared[0]!.item.lastSent).toMatchObject({ templateName: '주문 확인', status: 'sent' });
    expect(prepared[2]!.item.lastSent).toBeUndefined();

    const second = await send(orders, { templateId: 'order-confirmed' });
    expect(statuses(second)).toEqual({ 'P-2': 'skipped', 'P-3': 'skipped', 'P-4': 'sent', 'P-5': 'sent' });
    expect(second[0]!.error?.code).toBe('needs-confirm');
    expect(requests).toHaveLength(4);

    const third = await send(orders.slice(0, 2), { templateId: 'order-confirmed', confirmRepeatFor: ['P-3'] });
    expect(statuses(third)).toEqual({ 'P-2': 'skipped', 'P-3': 'sent' });
    expect((await emu.control.deliveries()).filter((d) => d.receiverId === 3)).toHaveLength(2);
    expect((await emu.control.deliveries()).filter((d) => d.receiverId === 2)).toHaveLength(1);

    // The same product order number in another store is another order: not guarded by these records.
    const [other] = await signInAndLink([2], 'cafe24');
    const [item] = await sending.prepare([other!], 'order-confirmed');
    expect(item!.item.needsReconfirm).toBe(false);
  });

  it('a sign-out midway leaves every order of the bulk in a final state, none pending', async () => {
    const orders = await signInAndLink(CUSTOMERS);
    let n = 0;
    beforeSend = async () => {
      // After the first request, Kakao ends the session: the next refresh fails (KOE322).
      if (++n === 2) {
        emu.world.access.clear();
        emu.world.refresh.clear();
      }
    };
    const results = await send(orders);
    expect(results).toHaveLength(12);
    expect(results.slice(0, 5).every((r) => r.status === 'sent')).toBe(true);
    expect(results.slice(5).every((r) => r.status === 'failed' && r.error)).toBe(true);
    expect(results.slice(10).map((r) => r.error?.code)).toEqual(['signed-out', 'signed-out']);
    expect(requests.map((r) => r.length)).toEqual([5, 5]);
    const history = await listHistory();
    expect(history.filter((r) => r.status === 'pending')).toEqual([]);
    // The third chunk was never requested: no record says it might have gone.
    expect(history.map((r) => r.productOrderNo)).not.toContain('P-12');
    expect((await kakao.authState()).signedIn).toBe(false);
  });

  it('does not send a message that changed after its preview (store renamed): it says so and sends nothing', async () => {
    const orders = await signInAndLink([2, 3]);
    const shown = await sending.prepare(orders, 'order-confirmed');
    const previewed = Object.fromEntries(shown.map((p) => [p.item.order.productOrderNo, p.item.renderedKey!]));
    expect(shown[0]!.item.preview?.text).toContain('하늘상점입니다');
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '하늘상점 본점' } }));
    const input = { sessionId: crypto.randomUUID(), orders, templateId: 'order-confirmed', confirmRepeatFor: [] };
    const changed = await sending.send({ ...input, previewed, requestId: crypto.randomUUID() });
    expect(changed.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(changed[0]!.error).toEqual(PREVIEW_CHANGED);
    expect(requests).toEqual([]);
    // Previewed again, the new message goes out as shown.
    const again = await sending.prepare(orders, 'order-confirmed');
    const seen = Object.fromEntries(again.map((p) => [p.item.order.productOrderNo, p.item.renderedKey!]));
    const sent = await sending.send({ ...input, previewed: seen, requestId: crypto.randomUUID() });
    expect(sent.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(JSON.stringify((await emu.control.deliveries())[0]!.templateObject)).toContain('하늘상점 본점입니다');
  });

  it('blocks a friend removed between link and send, once the friends list is older than 3 minutes', async () => {
    const [o] = await signInAndLink([3]);
    emu.world.friends.get(1)!.delete(3);
    emu.world.friends.get(3)!.delete(1);
    clock += 3 * 60 * 1000 + 1;
    const [r] = await send([o!]);
    expect(r).toMatchObject({ status: 'skipped', error: FRIEND_GONE });
    expect(r!.error!.ko).toBe('이 고객이 친구 목록에서 사라졌어요 — 친구 목록 새로 고침');
    expect(requests).toEqual([]);
  });

  it('re-reads the friends list after a refusal and blocks what it now says before sending', async () => {
    // Customer 3 stops accepting messages after the list was read: Kakao refuses (-530) the first send.
    const orders = await signInAndLink([2, 3]);
    await emu.control.patchUser(3, { allowedMsg: false });
    const first = await send([orders[1]!], { templateId: 'order-confirmed' });
    expect(first[0]).toMatchObject({ status: 'failed', error: { code: '-530' } });
    const before = requests.length;
    // Within 3 minutes, yet the refusal made the list stale: the next send reads it again.
    const again = await send([orders[1]!], { templateId: 'order-confirmed' });
    expect(again[0]).toMatchObject({ status: 'skipped', error: { code: 'allowed-msg' } });
    expect(requests.length).toBe(before);
  });

  it('prepare reports each block the send checks produce', async () => {
    const signedOut = await sending.prepare([orderOf(2)], 'order-confirmed');
    const failing = (p: Awaited<ReturnType<SendService['prepare']>>[number]) =>
      p.item.checks.filter((c) => !c.ok).map((c) => c.check);
    expect(failing(signedOut[0]!)).toEqual(expect.arrayContaining(['signed-in', 'consent-friends', 'linked']));
    expect(signedOut[0]!.item.canSend).toBe(false);

    const [linked, refusing, gone] = await signInAndLink([2, 3, 4]);
    await emu.control.patchUser(3, { allowedMsg: false });
    emu.world.friends.get(1)!.delete(4);
    await kakao.friends(true);
    const noId: Order = { ...orderOf(5), buyerId: undefined, buyerPhone: '010-****-1234' };
    const items = await sending.prepare([linked!, refusing!, gone!, noId], 'free-text', '');
    expect(failing(items[0]!)).toContain('template-ok');
    expect(failing(items[1]!)).toContain('allowed-msg');
    expect(failing(items[2]!)).toContain('in-friends-list');
    expect(failing(items[3]!)).toContain('linked');
    expect(items[3]!.item.linkBlocked?.ko).toContain('구매자 ID');
    const ok = await sending.prepare([linked!], 'order-confirmed');
    expect(ok[0]!.item).toMatchObject({ canSend: true, needsReconfirm: false });
  });

  it('groups identical messages into one request and chunks by 5 receivers (12 → 5, 5, 2)', async () => {
    const orders = await signInAndLink(CUSTOMERS);
    const results = await send(orders);
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    expect(requests.map((r) => r.length)).toEqual([5, 5, 2]);
    expect(new Set(requests.flat()).size).toBe(12);
    // Personalised messages (the buyer's name) never share a request.
    requests = [];
    await send(orders.slice(0, 3), { templateId: 'shipped', confirmRepeatFor: [] });
    expect(requests.every((r) => r.length === 1)).toBe(true);
  });

  it('cancel mid-bulk sends nothing more and skips the rest', async () => {
    const orders = await signInAndLink(CUSTOMERS);
    const sessionId = crypto.randomUUID();
    beforeSend = async () => sending.cancel(sessionId);
    const results = await send(orders, { sessionId });
    expect(requests).toHaveLength(1);
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'skipped' && r.error?.code === 'cancelled')).toHaveLength(7);
    expect(sending.progress(sessionId)).toMatchObject({ total: 12, done: 12 });
  });

  it('records pending before the request and the outcome after it', async () => {
    const [o] = await signInAndLink([2]);
    let during: Record<string, string> = {};
    beforeSend = async () => {
      during = await historyStatuses();
    };
    await send([o!]);
    expect(during).toEqual({ 'P-2': 'pending' });
    expect(await historyStatuses()).toEqual({ 'P-2': 'sent' });
  });

  it('reads a send back from the history when its progress is gone (worker restart)', async () => {
    const orders = await signInAndLink([2, 3]);
    const requestId = crypto.randomUUID();
    await sending.send({
      sessionId: crypto.randomUUID(),
      orders: [orders[0]!],
      templateId: 'order-confirmed',
      confirmRepeatFor: [],
      requestId,
    });
    const back = await sending.outcomesFromHistory(orders, requestId);
    expect(statuses(back)).toEqual({ 'P-2': 'sent', 'P-3': 'skipped' });
    expect(back[1]!.error?.code).toBe('not-requested');
  });
});
