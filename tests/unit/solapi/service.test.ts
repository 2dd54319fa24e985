import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSolapiEmulator, type SolapiEmulator } from '../../solapi-emulator/client';
import { createSolapiService, type SolapiCredentials } from '@/utils/background/solapi/service';
import { SolapiError } from '@/utils/background/solapi/errors';
import { solapiEmulatorFetch } from './emulator-fetch';

export const KEY: SolapiCredentials = { apiKey: 'NCSTESTKEY00001A', apiSecret: 'TESTSECRETTESTSECRETTESTSECRET12' };
const PF = 'KA01PF26050100000000000000000001';

let emu: SolapiEmulator;
beforeAll(async () => {
  emu = await startSolapiEmulator({ scenario: 'basic' });
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const service = (creds: SolapiCredentials | null = KEY, opts: Parameters<typeof createSolapiService>[1] = {}) =>
  createSolapiService(async () => creds, { fetch: solapiEmulatorFetch(emu), sleep: async () => undefined, ...opts });

async function failure(p: Promise<unknown>): Promise<SolapiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SolapiError);
  return e as SolapiError;
}

describe('SOLAPI reads against the emulator', () => {
  it('lists channels and templates of every status across pages', async () => {
    await emu.control.loadScenario({ ...emu.world.scenario, maxPageSize: 1 });
    const s = service();
    const channels = await s.channels();
    expect(channels.map((c) => c.channelId)).toEqual([PF, 'KA01PF26050100000000000000000002']);
    expect(channels[0]).toMatchObject({ searchId: '@ordertalk', phoneNumber: '0212345678' });
    expect(channels[1]!.phoneNumber).toBeUndefined(); // null in the answer
    const templates = await s.templates(PF);
    expect(templates.map((t) => t.status)).toEqual(['APPROVED', 'INSPECTING', 'REJECTED']);
    expect(templates[0]).toMatchObject({
      name: '주문 접수 안내',
      content: '#{고객명}님, 주문(#{주문번호})이 접수되었습니다.',
      isHidden: false,
      buttons: [{ buttonName: '주문 조회', buttonType: 'WL', linkMo: 'https://shop.example.test/order' }],
    });
    // One request per page: 2 channel pages + 3 template pages (1 per page, the last page has no nextKey).
    const counts = await emu.control.requests();
    expect(counts['GET /kakao/v2/channels']).toBe(2);
    expect(counts['GET /kakao/v2/templates']).toBe(3);
    expect((await s.sendableTemplates(PF)).map((t) => t.templateId)).toEqual(['KA01TP26050100000000000000000001']);
  });

  it('reads balance and prices', async () => {
    await emu.control.setBalance(1234.5);
    const s = service();
    expect(await s.balance()).toEqual({ balance: 1234.5, point: 0 });
    expect(await s.pricing()).toEqual({ ata: 13, sms: 20, lms: 50 });
  });

  it('refuses to call without credentials, sending nothing', async () => {
    const e = await failure(service(null).balance());
    expect(e).toMatchObject({ code: 'no-credentials', processed: 'no' });
    expect(await emu.control.requests()).toEqual({});
  });
});

describe('SOLAPI auth errors through the real client', () => {
  it('unknown key → InvalidAPIKey (403), processed no', async () => {
    const e = await failure(service({ apiKey: 'NOPE', apiSecret: 'x' }).balance());
    expect(e).toMatchObject({ code: 'InvalidAPIKey', status: 403, processed: 'no' });
    expect(e.ko).toContain('API Key');
  });

  it('wrong secret → SignatureDoesNotMatch (400)', async () => {
    const e = await failure(service({ ...KEY, apiSecret: 'wrong' }).balance());
    expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', status: 400, processed: 'no' });
  });

  it('PC clock 20 minutes off → RequestTimeTooSkewed with the clock fix', async () => {
    const e = await failure(service(KEY, { now: () => Date.now() - 20 * 60_000 }).balance());
    expect(e).toMatchObject({ code: 'RequestTimeTooSkewed', status: 403, processed: 'no' });
    expect(e.fixKo).toContain('PC 시계를 맞춰 주세요');
    // 14 minutes off is inside SOLAPI's ±15 min window.
    await expect(service(KEY, { now: () => Date.now() + 14 * 60_000 }).balance()).resolves.toBeDefined();
  });

  it('a replayed signature → DuplicatedSignature; the client itself never reuses one', async () => {
    const seen: string[] = [];
    const base = solapiEmulatorFetch(emu);
    const recording: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization')!);
      return base(input, init);
    };
    const s = service(KEY, { fetch: recording });
    await s.balance();
    await s.balance();
    expect(new Set(seen).size).toBe(2);
    // The real client, made to repeat itself (same clock reading, same random bytes), gets SOLAPI's refusal.
    const fixed = Date.now();
    vi.spyOn(crypto, 'getRandomValues').mockImplementation((a: ArrayBufferView) => {
      new Uint8Array(a.buffer).fill(7);
      return a;
    });
    const stuck = service(KEY, { now: () => fixed });
    await stuck.balance();
    const e = await failure(stuck.balance());
    expect(e).toMatchObject({ code: 'DuplicatedSignature', status: 403, processed: 'no' });
    vi.restoreAllMocks();
    const replay = await emu.request('api.solapi.com', '/cash/v1/balance', { headers: { authorization: seen[0]! } });
    expect(replay.status).toBe(403);
    expect(replay.json()).toEqual({ errorCode: 'DuplicatedSignature', errorMessage: expect.any(String) });
  });
});
