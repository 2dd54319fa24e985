import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSolapiEmulator, type SolapiEmulator } from '../../solapi-emulator/client';
import { createSolapiService, type SolapiCredentials } from '@/utils/background/solapi/service';
import { SolapiError } from '@/utils/background/solapi/errors';
import { solapiEmulatorFetch } from './emulator-fetch';

const KEY: SolapiCredentials = { apiKey: 'NCSTESTKEY00001A', apiSecret: 'TESTSECRETTESTSECRETTESTSECRET12' };
const GROUPS = 'POST /messages/v4/groups';

let emu: SolapiEmulator;
beforeAll(async () => {
  emu = await startSolapiEmulator({ scenario: 'basic' });
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

const service = (opts: Parameters<typeof createSolapiService>[1] = {}) =>
  createSolapiService(async () => KEY, { fetch: solapiEmulatorFetch(emu), sleep: async () => undefined, ...opts });

async function failure(p: Promise<unknown>): Promise<SolapiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SolapiError);
  return e as SolapiError;
}

describe('SOLAPI http: what an answer proves', () => {
  it('a 4xx with an errorCode proves "not processed"', async () => {
    const e = await failure(service().sendGroup('G4V00000000000000NOSUCHGROUP000'));
    expect(e).toMatchObject({ code: 'NotFound', status: 404, processed: 'no' });
    expect((await emu.control.requests())['POST /messages/v4/groups/:groupId/send']).toBe(1);
  });

  it('a 500 on a POST is unknown and not retried', async () => {
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: '5xx', status: 503 });
    const e = await failure(service().createGroup());
    expect(e).toMatchObject({ code: 'server', status: 503, processed: 'unknown' });
    expect((await emu.control.requests())[GROUPS]).toBe(1);
    expect(await emu.control.groups()).toHaveLength(0);
  });

  it('a connection dropped after processing is unknown, not retried, and the group did get created', async () => {
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: 'drop-after-processing' });
    const e = await failure(service().createGroup());
    expect(e).toMatchObject({ code: 'network', processed: 'unknown' });
    expect((await emu.control.requests())[GROUPS]).toBe(1);
    expect(await emu.control.groups()).toHaveLength(1);
  });

  it('a connection dropped before processing is just as unknown to the client', async () => {
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: 'drop-before-processing' });
    const e = await failure(service().createGroup());
    expect(e).toMatchObject({ code: 'network', processed: 'unknown' });
    expect((await emu.control.requests())[GROUPS]).toBe(1);
    expect(await emu.control.groups()).toHaveLength(0);
  });

  it('no answer within the timeout is unknown and not retried', async () => {
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: 'latency', ms: 600 });
    const e = await failure(service({ timeoutMs: 100 }).createGroup());
    expect(e).toMatchObject({ code: 'timeout', processed: 'unknown' });
    // The slow request is still processed by the server (a group appears), and it was the only one.
    await vi.waitFor(async () => expect(await emu.control.groups()).toHaveLength(1), { timeout: 5000, interval: 100 });
    await new Promise((r) => setTimeout(r, 200));
    expect((await emu.control.requests())[GROUPS]).toBe(1);
  });

  it('reads are retried (freshly signed) after a 5xx or a drop, at most twice', async () => {
    // The drop comes after processing, so the first signature is spent: a reused one would be refused.
    await emu.control.fault({ path: '/cash/v1/balance', kind: 'drop-after-processing' });
    await emu.control.fault({ path: '/cash/v1/balance', kind: '5xx', nth: 1 });
    expect(await service().balance()).toEqual({ balance: 10000, point: 0 });
    expect((await emu.control.requests())['GET /cash/v1/balance']).toBe(3);

    await emu.control.reset();
    for (let i = 0; i < 3; i++) await emu.control.fault({ path: '/cash/v1/balance', kind: '5xx' });
    const e = await failure(service().balance());
    expect(e).toMatchObject({ code: 'server', processed: 'unknown' });
    expect((await emu.control.requests())['GET /cash/v1/balance']).toBe(3);
  });

  it('answers that are not SOLAPI JSON are invalid-response, unknown', async () => {
    const html = (status: number): typeof fetch =>
      (async () => new Response('<html>502 Bad Gateway</html>', { status })) as typeof fetch;
    for (const status of [200, 404]) {
      const e = await failure(service({ fetch: html(status) }).createGroup());
      expect(e).toMatchObject({ code: 'invalid-response', processed: 'unknown', status });
    }
    const wrongShape = (async () => new Response('{"balance":"lots"}', { status: 200 })) as typeof fetch;
    expect(await failure(service({ fetch: wrongShape }).balance())).toMatchObject({ code: 'invalid-response' });
  });

  it("reads SOLAPI's errorCode whatever its case (the SDKs' InvalidApiKey)", async () => {
    const answer = (async () =>
      new Response('{"errorCode":"InvalidApiKey","errorMessage":"x"}', { status: 401 })) as typeof fetch;
    const e = await failure(service({ fetch: answer }).balance());
    expect(e).toMatchObject({ code: 'InvalidApiKey', status: 401, processed: 'no', serverMessage: 'x' });
    expect(e.ko).toBe('솔라피 API Key가 올바르지 않아요.');
  });

  it('never logs the secret or the Authorization header', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    await emu.control.fault({ path: '/messages/v4/groups', method: 'POST', kind: '5xx' });
    const errors = [
      await failure(service().createGroup()),
      await failure(
        createSolapiService(async () => ({ ...KEY, apiSecret: 'wrong' }), {
          fetch: solapiEmulatorFetch(emu),
        }).balance(),
      ),
    ];
    const logged = JSON.stringify(spies.flatMap((s) => s.mock.calls));
    for (const text of [logged, ...errors.map((e) => `${e.message} ${JSON.stringify(e)}`)]) {
      expect(text).not.toContain(KEY.apiSecret);
      expect(text).not.toContain('HMAC-SHA256');
    }
  });

  it('refuses a path that would leave the SOLAPI origin', async () => {
    const seen = vi.fn(solapiEmulatorFetch(emu));
    await expect(service({ fetch: seen }).getGroup('//evil.example/x')).rejects.toBeInstanceOf(SolapiError);
    // encodeURIComponent keeps it a path segment on api.solapi.com.
    expect(new URL(String(seen.mock.calls[0]![0])).origin).toBe('https://api.solapi.com');
  });
});
