import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEmulator, type Emulator } from '../../kakao-emulator/client';
import type { Scenario } from '../../kakao-emulator/scenario';
import { emulatorAuthFlow, emulatorFetch } from '../kakao/emulator-fetch';
import { createKakaoService, type KakaoService } from '@/utils/background/kakao/service';
import { createTokenStore } from '@/utils/background/kakao/token-store';
import type { KakaoFriend } from '@/utils/background/kakao/schemas';
import { createSendService, type SendService } from '@/utils/background/sending/send-service';
import { listHistory } from '@/utils/background/storage/history';
import { setLink } from '@/utils/background/storage/links';
import { updateSettings } from '@/utils/background/storage/settings-store';
import type { Order } from '@/utils/shared/order';
import type { ComposeItem } from '@/utils/shared/wire';

// The send service against the real Kakao emulator, in-process: friends, consent, quotas and deliveries are
// Kakao's (as the emulator models them), history and links are the real IndexedDB stores on fake-indexeddb.

const KEY = '0123456789abcdef0123456789abcdef';
const STORE_URL = 'https://smartstore.naver.com/haneul';
const SEND_PATH = '/v1/api/talk/friends/message/default/send';

/** The operator (1) with 14 reachable customers (101–114) and one who refuses messages (200). */
function scenario(): Scenario {
  const customers = Array.from({ length: 14 }, (_, i) => ({
    id: 101 + i,
    nickname: `고객${String(i + 1).padStart(2, '0')}`,
    kakaoTalk: true,
    privateProfile: false,
    allowedMsg: true,
  }));
  const users = [
    { id: 1, nickname: '운영자', kakaoTalk: true, privateProfile: false, allowedMsg: true },
    ...customers,
    { id: 200, nickname: '박바다', kakaoTalk: true, privateProfile: false, allowedMsg: false },
  ];
  const others = users.filter((u) => u.id !== 1);
  return {
    apps: [
      {
        name: '주문톡 테스트 스토어',
        restApiKey: KEY,
        redirectUris: ['https://client.example.test/callback'],
        linkDomains: ['smartstore.naver.com'],
        consentItems: { profile_nickname: 'required', friends: 'during-use', talk_message: 'optional' },
        friendsMessageApproved: true,
        members: [],
        customTemplates: [],
      },
    ],
    users,
    connections: others.map((u) => ({ app: KEY, user: u.id, scopes: ['profile_nickname', 'friends', 'talk_message'] })),
    friendships: others.map((u): [number, number] => [1, u.id]),
    hidden: [],
    sentToday: [],
  };
}

let emu: Emulator;
let key: CryptoKey;
let kakao: KakaoService;
let svc: SendService;

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenario() });
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterAll(() => emu.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await emu.control.reset();
  await emu.control.autoApprove(1);
  await updateSettings((s) => ({
    ...s,
    store: { ...s.store, name: '하늘상점', url: STORE_URL, linkDomains: ['smartstore.naver.com'] },
  }));
  kakao = createKakaoService({
    fetch: emulatorFetch(emu),
    getRestApiKey: async () => KEY,
    launchWebAuthFlow: emulatorAuthFlow(emu),
    redirectUri: () => 'https://client.example.test/callback',
    store: createTokenStore(async () => key),
    sleep: async () => undefined,
  });
  svc = createSendService(kakao);
});

/** Signed in with every consent, as an operator ready to send. */
async function signedIn(): Promise<KakaoFriend[]> {
  await kakao.requestConsent(['friends', 'talk_message']);
  return (await kakao.friends()).friends;
}

function order(n: number, over: Partial<Order> = {}): Order {
  return {
    store: 'smartstore',
    orderNo: `2024${n}`,
    productOrderNo: `P${n}`,
    buyerName: `구매자${n}`,
    buyerId: `buyer${n}`,
    productName: '현미 4kg',
    courier: 'CJ대한통운',
    trackingNo: `6000${n}`,
    ...over,
  };
}

function friend(friends: KakaoFriend[], nickname: string): KakaoFriend {
  const f = friends.find((x) => x.profile_nickname === nickname);
  if (!f) throw new Error(`no friend ${nickname}`);
  return f;
}

/** Orders 1..n, order i linked to customer i (고객01, 고객02, …). */
async function linkedOrders(friends: KakaoFriend[], n: number): Promise<Order[]> {
  const orders = Array.from({ length: n }, (_, i) => order(i + 1));
  for (const [i, o] of orders.entries())
    await svc.link(o, friend(friends, `고객${String(i + 1).padStart(2, '0')}`).uuid);
  return orders;
}

const failing = (item: ComposeItem) => item.checks.filter((c) => !c.ok).map((c) => c.check);
const sendRequests = () => emu.world.requests.filter((r) => r.path === SEND_PATH).length;
const sendInput = (
  orders: Order[],
  templateId: string,
  extra: { freeText?: string; confirmRepeat?: boolean } = {},
) => ({
  sessionId: 'session-1',
  orders,
  templateId,
  freeText: extra.freeText,
  confirmRepeat: extra.confirmRepeat ?? false,
  requestId: crypto.randomUUID(),
});

describe('prepare: who can be sent to', () => {
  it('lets a linked, reachable customer through with the rendered message', async () => {
    const friends = await signedIn();
    const [o] = await linkedOrders(friends, 1);
    const [p] = await svc.prepare([o!], 'shipped');
    expect(p!.item).toMatchObject({ canSend: true, needsReconfirm: false, problems: [], missingVariables: [] });
    expect(failing(p!.item)).toEqual([]);
    expect(p!.item.link).toMatchObject({ friendUuid: friend(friends, '고객01').uuid, nickname: '고객01' });
    expect(p!.item.preview?.text).toContain('구매자1님, 주문하신 현미 4kg을 보냈어요.');
    expect(p!.item.preview?.text).toContain('송장번호: 60001');
  });

  it('finds a linked friend by Kakao user id when the stored uuid is stale', async () => {
    const friends = await signedIn();
    const f = friend(friends, '고객01');
    await setLink(order(1), { id: f.id, uuid: 'an-old-uuid', nickname: '옛 이름' });
    const [p] = await svc.prepare([order(1)], 'shipped');
    expect(p!.item.canSend).toBe(true);
    expect(p!.item.link).toMatchObject({ friendUuid: f.uuid, nickname: '고객01' });
  });

  it('blocks when signed out', async () => {
    const friends = await signedIn();
    const [o] = await linkedOrders(friends, 1);
    await kakao.signOut();
    const [p] = await svc.prepare([o!], 'shipped');
    expect(p!.item.canSend).toBe(false);
    expect(failing(p!.item)).toContain('signed-in');
    expect(p!.item.checks.find((c) => c.check === 'signed-in')).toMatchObject({ action: 'sign-in' });
  });

  it('blocks without the friends consent, and without the message consent', async () => {
    await kakao.signIn(); // first sign-in: friends is a during-use item, not asked yet
    const [noFriends] = await svc.prepare([order(1)], 'shipped');
    expect(failing(noFriends!.item)).toContain('consent-friends');
    expect(failing(noFriends!.item)).not.toContain('consent-talk-message');
    expect(noFriends!.item.canSend).toBe(false);

    const s = scenario();
    s.apps[0]!.consentItems = { profile_nickname: 'required', friends: 'during-use', talk_message: 'during-use' };
    await emu.control.loadScenario(s);
    await emu.control.autoApprove(1);
    await kakao.signOut();
    await kakao.requestConsent(['friends']);
    const friends = (await kakao.friends(true)).friends;
    const [o] = await linkedOrders(friends, 1);
    const [noTalk] = await svc.prepare([o!], 'shipped');
    expect(failing(noTalk!.item)).toEqual(['consent-talk-message']);
    expect(noTalk!.item.checks.find((c) => !c.ok)).toMatchObject({ action: 'grant-consent' });
    expect(noTalk!.item.canSend).toBe(false);
  });

  it('blocks an unlinked customer, and says why one cannot be linked at all', async () => {
    await signedIn();
    const [unlinked, unlinkable] = await svc.prepare(
      [order(1), order(2, { buyerId: undefined, buyerPhone: '010-****-1234' })],
      'shipped',
    );
    expect(failing(unlinked!.item)).toEqual(['linked']);
    expect(unlinked!.item.checks.find((c) => c.check === 'linked')).toMatchObject({ action: 'link' });
    expect(unlinked!.item.canSend).toBe(false);
    expect(failing(unlinkable!.item)).toEqual(['linked']);
    expect(unlinkable!.item.linkBlocked?.ko).toContain('구매자 ID');
    const check = unlinkable!.item.checks.find((c) => c.check === 'linked')!;
    expect(check.fixKo).toBe(unlinkable!.item.linkBlocked!.ko);
    expect(check.action).toBeUndefined();
  });

  it('blocks a linked friend who is no longer in the friends list', async () => {
    const friends = await signedIn();
    const [o] = await linkedOrders(friends, 1);
    // The customer made their profile private: Kakao's friends list drops them.
    await emu.control.patchUser(101, { privateProfile: true });
    await kakao.friends(true);
    const [p] = await svc.prepare([o!], 'shipped');
    expect(failing(p!.item)).toEqual(['in-friends-list']);
    expect(p!.item.canSend).toBe(false);
    expect(await svc.orderStatus([o!])).toEqual({ [o!.productOrderNo]: { state: 'unreachable' } });
  });

  it('blocks a friend who refuses messages (allowed_msg false)', async () => {
    const friends = await signedIn();
    const o = order(1);
    await svc.link(o, friend(friends, '박바다').uuid);
    const [p] = await svc.prepare([o], 'shipped');
    expect(failing(p!.item)).toEqual(['allowed-msg']);
    expect(p!.item.canSend).toBe(false);
  });

  it('blocks a customer whose 20 messages today are used, while others still go', async () => {
    const friends = await signedIn();
    const [a, b] = await linkedOrders(friends, 2);
    const uuid = friend(friends, '고객01').uuid;
    for (let i = 0; i < 20; i++)
      await kakao.send([uuid], { templateObject: { object_type: 'text', text: `${i}`, link: { web_url: STORE_URL } } });
    const [pa, pb] = await svc.prepare([a!, b!], 'shipped');
    expect(failing(pa!.item)).toEqual(['quota-pair']);
    expect(pa!.item.canSend).toBe(false);
    expect(pb!.item.canSend).toBe(true);
  });

  it('blocks everyone once the 100 messages of the day are used', async () => {
    const friends = await signedIn();
    const orders = await linkedOrders(friends, 6);
    const five = friends.filter((f) => f.allowed_msg).slice(0, 5);
    expect(five.map((f) => f.profile_nickname)).toEqual(['고객01', '고객02', '고객03', '고객04', '고객05']);
    for (let i = 0; i < 20; i++)
      await kakao.send(
        five.map((f) => f.uuid),
        { templateObject: { object_type: 'text', text: `${i}`, link: { web_url: STORE_URL } } },
      );
    expect((await emu.control.deliveries()).length).toBe(100);
    const prepared = await svc.prepare(orders, 'shipped');
    for (const p of prepared) {
      expect(failing(p.item)).toContain('quota-sender');
      expect(p.item.canSend).toBe(false);
    }
  });

  it('asks again for an order already sent this template (a warning, not a block)', async () => {
    const friends = await signedIn();
    const [o] = await linkedOrders(friends, 1);
    expect((await svc.send(sendInput([o!], 'shipped')))[0]).toMatchObject({ status: 'sent' });
    const [again] = await svc.prepare([o!], 'shipped');
    expect(failing(again!.item)).toEqual(['not-sent-before']);
    expect(again!.item).toMatchObject({ canSend: true, needsReconfirm: true });
    // Another template for the same order is a different notice.
    expect((await svc.prepare([o!], 'thanks'))[0]!.item.needsReconfirm).toBe(false);
  });

  it('blocks a message with a variable the order lacks', async () => {
    const friends = await signedIn();
    const o = order(1, { courier: undefined, trackingNo: undefined });
    await svc.link(o, friend(friends, '고객01').uuid);
    const [p] = await svc.prepare([o], 'shipped');
    expect(p!.item.missingVariables).toEqual(['택배사', '송장번호']);
    expect(failing(p!.item)).toEqual(['template-ok']);
    expect(p!.item.checks.find((c) => c.check === 'template-ok')!.fixKo).toContain('{택배사} 값이 주문에 없어요.');
    expect(p!.item.canSend).toBe(false);
  });

  it('blocks a message over the length limit', async () => {
    const friends = await signedIn();
    const [o] = await linkedOrders(friends, 1);
    const [ok] = await svc.prepare([o!], 'free-text', '가'.repeat(200));
    expect(ok!.item.canSend).toBe(true);
    const [long] = await svc.prepare([o!], 'free-text', '가'.repeat(201));
    expect(long!.item.problems.map((p) => p.code)).toEqual(['too-long']);
    expect(failing(long!.item)).toEqual(['template-ok']);
    expect(long!.item.canSend).toBe(false);
  });
});

describe('send', () => {
  it('skips every blocked order without a request or a history record', async () => {
    const friends = await signedIn();
    const refuses = order(2);
    await svc.link(refuses, friend(friends, '박바다').uuid);
    const missing = order(3, { trackingNo: undefined });
    await svc.link(missing, friend(friends, '고객03').uuid);
    const results = await svc.send(sendInput([order(1), refuses, missing], 'shipped', { confirmRepeat: true }));
    expect(results.map((r) => [r.productOrderNo, r.status, r.error?.code])).toEqual([
      ['P1', 'skipped', 'linked'],
      ['P2', 'skipped', 'allowed-msg'],
      ['P3', 'skipped', 'template-ok'],
    ]);
    expect(sendRequests()).toBe(0);
    expect(await listHistory()).toEqual([]);
  });

  it('sends one request for an identical message to several friends, one each for personalised ones', async () => {
    const friends = await signedIn();
    const orders = await linkedOrders(friends, 3);
    const spy = vi.spyOn(kakao, 'send');
    const shared = await svc.send(sendInput(orders, 'free-text', { freeText: '오늘 모두 발송했어요.' }));
    expect(shared.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(spy.mock.calls.map((c) => c[0])).toEqual([orders.map((_, i) => friends[i]!.uuid)]);
    expect(sendRequests()).toBe(1);

    spy.mockClear();
    const personal = await svc.send(sendInput(orders, 'order-confirmed'));
    expect(personal.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(spy.mock.calls.map((c) => c[0].length)).toEqual([1, 1, 1]);
    expect(sendRequests()).toBe(4);
    const texts = (await emu.control.deliveries()).slice(3).map((d) => (d.templateObject as { text: string }).text);
    expect(texts.map((t) => t.slice(0, 5))).toEqual(['구매자1님', '구매자2님', '구매자3님']);
  });

  it('groups by the rendered message: personalised messages that come out the same share a request', async () => {
    const friends = await signedIn();
    const [a, b, c] = await linkedOrders(friends, 3);
    // Same buyer name and product for 1 and 2: the "thanks" message reads the same for both.
    const same = { buyerName: '김하늘', productName: '현미 4kg' };
    const orders = [{ ...a!, ...same }, c!, { ...b!, ...same }];
    const spy = vi.spyOn(kakao, 'send');
    const results = await svc.send(sendInput(orders, 'thanks'));
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(spy.mock.calls.map((call) => call[0])).toEqual([[friends[0]!.uuid, friends[1]!.uuid], [friends[2]!.uuid]]);
  });

  it('sends at most 5 receivers a request: 12 identical messages go as 5, 5 and 2', async () => {
    const friends = await signedIn();
    const orders = await linkedOrders(friends, 12);
    const spy = vi.spyOn(kakao, 'send');
    const results = await svc.send(sendInput(orders, 'free-text', { freeText: '설 연휴 배송 안내예요.' }));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill('sent'));
    expect(spy.mock.calls.map((c) => c[0].length)).toEqual([5, 5, 2]);
    expect(sendRequests()).toBe(3);
    const deliveries = await emu.control.deliveries();
    expect(deliveries.map((d) => d.receiverId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => 101 + i));
    expect(svc.progress('session-1')).toMatchObject({ total: 12, done: 12, cancelled: false });
  });

  it('sends the same message to the same customer only once in a request', async () => {
    const friends = await signedIn();
    const [a] = await linkedOrders(friends, 1);
    // A second product of the same order, same buyer: linked already through the buyer id.
    const b = { ...a!, productOrderNo: 'P1-2' };
    const results = await svc.send(sendInput([a!, b], 'free-text', { freeText: '같이 보냈어요.' }));
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['sent', undefined],
      ['skipped', 'same-recipient'],
    ]);
    expect(await emu.control.deliveries()).toHaveLength(1);
  });

  it('stops after cancel: the rest are skipped as cancelled and nothing more is sent', async () => {
    const friends = await signedIn();
    const orders = await linkedOrders(friends, 12);
    const realSend = kakao.send;
    const spy = vi.spyOn(kakao, 'send').mockImplementation(async (uuids, payload) => {
      // The operator presses cancel while the first request is on its way.
      if (spy.mock.calls.length === 1) svc.cancel('session-1');
      return realSend(uuids, payload);
    });
    const results = await svc.send(sendInput(orders, 'free-text', { freeText: '배송 안내예요.' }));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('sent'), ...Array(7).fill('skipped')]);
    expect(results.slice(5).every((r) => r.error?.code === 'cancelled')).toBe(true);
    expect(await emu.control.deliveries()).toHaveLength(5);
    expect(sendRequests()).toBe(1);
    // Cancelled orders were never begun: only the five sent ones are in history.
    expect((await listHistory()).map((r) => r.productOrderNo).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(svc.progress('session-1')).toMatchObject({ total: 12, done: 12, cancelled: true });
  });

  it('records each send as pending before its request and with its outcome after', async () => {
    const friends = await signedIn();
    const orders = await linkedOrders(friends, 7);
    const seen: { productOrderNo: string; status: string }[][] = [];
    const realSend = kakao.send;
    vi.spyOn(kakao, 'send').mockImplementation(async (uuids, payload) => {
      seen.push((await listHistory()).map((r) => ({ productOrderNo: r.productOrderNo, status: r.status })));
      return realSend(uuids, payload);
    });
    const results = await svc.send(sendInput(orders, 'free-text', { freeText: '배송 안내예요.' }));
    // Before the first request the first five are pending; before the second, those five are done.
    const sorted = (rows: { productOrderNo: string; status: string }[]) =>
      [...rows].sort((x, y) => x.productOrderNo.localeCompare(y.productOrderNo));
    expect(sorted(seen[0]!)).toEqual(
      ['P1', 'P2', 'P3', 'P4', 'P5'].map((p) => ({ productOrderNo: p, status: 'pending' })),
    );
    expect(sorted(seen[1]!)).toEqual([
      ...['P1', 'P2', 'P3', 'P4', 'P5'].map((p) => ({ productOrderNo: p, status: 'sent' })),
      ...['P6', 'P7'].map((p) => ({ productOrderNo: p, status: 'pending' })),
    ]);
    const history = await listHistory();
    expect(history).toHaveLength(7);
    for (const r of history) {
      expect(r).toMatchObject({ status: 'sent', templateId: 'free-text', templateName: '직접 입력' });
      expect(r.completedAt).toBeGreaterThanOrEqual(r.createdAt);
      expect(results.find((x) => x.productOrderNo === r.productOrderNo)!.recordId).toBe(r.id);
    }
    expect(history.find((r) => r.productOrderNo === 'P1')!.recipientNickname).toBe('고객01');
  });

  it('records what Kakao answered: a refusal as failed, a lost answer as unknown (never re-sent)', async () => {
    const friends = await signedIn();
    const [a, b] = await linkedOrders(friends, 2);
    // 고객01 turns messages off after our friends list was read: only Kakao knows, and says -530.
    await emu.control.patchUser(101, { allowedMsg: false });
    const refused = await svc.send(sendInput([a!], 'shipped'));
    expect(refused[0]).toMatchObject({ status: 'failed', error: { code: '-530' } });
    // The connection drops after Kakao delivered: the outcome is unknown.
    await emu.control.fault({ path: SEND_PATH, kind: 'drop' });
    const lost = await svc.send(sendInput([b!], 'shipped'));
    expect(lost[0]).toMatchObject({ status: 'unknown' });
    const history = await listHistory();
    expect(history.map((r) => [r.productOrderNo, r.status, r.error?.code])).toEqual(
      expect.arrayContaining([
        ['P1', 'failed', '-530'],
        ['P2', 'unknown', 'unknown-outcome'],
      ]),
    );
    expect(history).toHaveLength(2);
    // An unknown outcome counts as sent for the repeat check: sending again needs confirmation.
    expect((await svc.send(sendInput([b!], 'shipped')))[0]).toMatchObject({
      status: 'skipped',
      error: { code: 'needs-confirm' },
    });
    expect(await emu.control.deliveries()).toHaveLength(1);
  });

  it('sends a notice once when two windows send it at the same moment', async () => {
    const friends = await signedIn();
    const [x, y] = await linkedOrders(friends, 2);
    // Window 2 has checked order x (nothing sent yet) and is still checking y when window 1 sends x.
    let reached!: () => void;
    const checking = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const realQuota = kakao.quotaLeft;
    vi.spyOn(kakao, 'quotaLeft').mockImplementation(async (uuid) => {
      if (uuid === friends[1]!.uuid) {
        reached();
        await gate;
      }
      return realQuota(uuid);
    });
    const second = svc.send({ ...sendInput([x!, y!], 'shipped'), sessionId: 'window-2' });
    await checking;
    expect((await svc.send(sendInput([x!], 'shipped')))[0]).toMatchObject({ status: 'sent' });
    release();
    expect((await second).map((r) => [r.productOrderNo, r.status, r.error?.code])).toEqual([
      ['P1', 'skipped', 'already-sent'],
      ['P2', 'sent', undefined],
    ]);
    expect((await emu.control.deliveries()).map((d) => d.receiverId)).toEqual([101, 102]);
  });

  it('sends an already-sent notice again only when confirmed', async () => {
    const friends = await signedIn();
    const [o] = await linkedOrders(friends, 1);
    await svc.send(sendInput([o!], 'shipped'));
    expect((await svc.send(sendInput([o!], 'shipped')))[0]).toMatchObject({
      status: 'skipped',
      error: { code: 'needs-confirm' },
    });
    expect(await emu.control.deliveries()).toHaveLength(1);
    expect((await svc.send(sendInput([o!], 'shipped', { confirmRepeat: true })))[0]).toMatchObject({ status: 'sent' });
    expect(await emu.control.deliveries()).toHaveLength(2);
    expect((await listHistory()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });
});
