import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { startEmulator, loadScenario, type Emulator } from '../../kakao-emulator/client';
import { createKakaoService } from '@/utils/background/kakao/service';
import { createTokenStore } from '@/utils/background/kakao/token-store';
import { KakaoError } from '@/utils/background/kakao/errors';
import { emulatorAuthFlow, emulatorFetch } from './emulator-fetch';

const KEY = '0123456789abcdef0123456789abcdef';
const REDIRECT = 'https://client.example.test/callback';
let emu: Emulator;
let key: CryptoKey;

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'basic' });
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
});
afterAll(() => emu.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await emu.control.reset();
  await emu.control.autoApprove(1);
});

function service(overrides: Partial<Parameters<typeof createKakaoService>[0]> = {}) {
  return createKakaoService({
    fetch: emulatorFetch(emu),
    getRestApiKey: async () => KEY,
    launchWebAuthFlow: emulatorAuthFlow(emu),
    redirectUri: () => REDIRECT,
    store: createTokenStore(async () => key),
    sleep: async () => undefined,
    ...overrides,
  });
}

async function storageDump(): Promise<string> {
  return JSON.stringify([await browser.storage.local.get(null), await browser.storage.session.get(null)]);
}

describe('Kakao service against the emulator', () => {
  it('signs in with PKCE, reports missing consent, then gets it through additional consent', async () => {
    const kakao = service();
    const first = await kakao.signIn();
    expect(first).toMatchObject({ signedIn: true, nickname: '운영자', kakaoUserId: 1 });
    expect(first.missingScopes).toEqual(['friends']);
    const authorizeCalls = await emu.control.state();
    expect(authorizeCalls.tokensIssued).toBe(1);
    const launch = vi.fn(emulatorAuthFlow(emu));
    const after = await service({ launchWebAuthFlow: launch }).requestConsent(['friends']);
    expect(new URL(launch.mock.calls[0]![0].url).searchParams.get('scope')).toBe('friends');
    expect(after.missingScopes).toEqual([]);
  });

  it('keeps tokens out of everything it returns, and the refresh token sealed at rest', async () => {
    const kakao = service();
    await kakao.signIn();
    await kakao.requestConsent(['friends']);
    const results = [await kakao.authState(), await kakao.friends(), await kakao.quotaLeft()];
    const tokens = [...emu.world.access.keys(), ...emu.world.refresh.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(JSON.stringify(results)).not.toContain(t);
    const local = JSON.stringify(await browser.storage.local.get(null));
    for (const t of emu.world.refresh.keys()) expect(local).not.toContain(t);
  });

  it('lists friends paged to the end and caches them; refresh goes back to Kakao', async () => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    const list = await kakao.friends();
    expect(list.friends.map((f) => f.profile_nickname)).toEqual(['김하늘', '박바다']);
    const before = emu.world.requests.filter((r) => r.path === '/v1/api/talk/friends').length;
    await kakao.friends();
    expect(emu.world.requests.filter((r) => r.path === '/v1/api/talk/friends').length).toBe(before);
    await kakao.friends(true);
    expect(emu.world.requests.filter((r) => r.path === '/v1/api/talk/friends').length).toBe(before + 1);
  });

  it('sends one message with a result per recipient and counts the quota', async () => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    const { friends } = await kakao.friends();
    const results = await kakao.send(
      friends.map((f) => f.uuid),
      {
        templateObject: {
          object_type: 'text',
          text: '발송되었어요',
          link: { web_url: 'https://smartstore.naver.com/x' },
        },
      },
    );
    expect(results.map((r) => [r.status, r.status === 'sent' ? '' : r.error.code])).toEqual([
      ['sent', ''],
      ['failed', '-530'],
    ]);
    expect(results[1]!.status === 'failed' && results[1]!.error.ko).toContain('거부');
    expect(await emu.control.deliveries()).toHaveLength(1);
    expect(await kakao.quotaLeft(friends[0]!.uuid)).toMatchObject({ senderLeft: 99, pairLeft: 19, receiverLeft: 99 });
  });

  it('never re-sends when the connection drops after Kakao processed the send', async () => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    const { friends } = await kakao.friends();
    await emu.control.fault({ path: '/message/default/send', kind: 'drop' });
    const [r] = await kakao.send([friends[0]!.uuid], { templateObject: { object_type: 'text', text: 'x', link: {} } });
    expect(r).toMatchObject({ status: 'unknown' });
    expect(await emu.control.deliveries()).toHaveLength(1);
    expect(emu.world.requests.filter((q) => q.path.endsWith('/default/send'))).toHaveLength(1);
  });

  it('retries a -10 send within a bound (refused before processing)', async () => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    const { friends } = await kakao.friends();
    await emu.control.fault({ path: '/message/default/send', kind: '-10' });
    const [ok] = await kakao.send([friends[0]!.uuid], { templateObject: { object_type: 'text', text: 'x', link: {} } });
    expect(ok!.status).toBe('sent');
    expect(emu.world.requests.filter((q) => q.path.endsWith('/default/send'))).toHaveLength(2);
    // Three armed faults fire on the next three matching requests, one each.
    for (let n = 1; n <= 3; n++) await emu.control.fault({ path: '/message/default/send', kind: '-10' });
    const [failed] = await kakao.send([friends[0]!.uuid], {
      templateObject: { object_type: 'text', text: 'y', link: {} },
    });
    expect(failed).toMatchObject({ status: 'failed', error: { code: '-10' } });
    expect((await emu.control.deliveries()).length).toBe(1);
  });

  it.each([
    ['5xx', 500],
    ['gateway', 502],
    ['gateway', 504],
    ['-603', 400],
  ] as const)('never repeats a send answered %s (%i): one request, outcome unknown', async (kind, status) => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    const { friends } = await kakao.friends();
    await emu.control.fault({ path: '/message/default/send', kind, status: status >= 500 ? status : undefined });
    const [r] = await kakao.send([friends[0]!.uuid], { templateObject: { object_type: 'text', text: 'x', link: {} } });
    expect(r).toMatchObject({ status: 'unknown' });
    expect(emu.world.requests.filter((q) => q.path.endsWith('/default/send'))).toHaveLength(1);
  });

  it('retries a read answered 5xx or by a gateway page', async () => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    await emu.control.fault({ path: '/v1/api/talk/friends', kind: '5xx' });
    await emu.control.fault({ path: '/v1/api/talk/friends', kind: 'gateway', status: 504 });
    const before = emu.world.requests.filter((q) => q.path === '/v1/api/talk/friends').length;
    expect((await kakao.friends(true)).friends).toHaveLength(2);
    expect(emu.world.requests.filter((q) => q.path === '/v1/api/talk/friends').length).toBe(before + 3);
  });

  it('refreshes an expired access token once, shared by concurrent calls', async () => {
    const kakao = service();
    await kakao.requestConsent(['friends', 'talk_message']);
    await emu.control.expireTokens();
    const issued = (await emu.control.state()).tokensIssued;
    const memo = () => kakao.sendToMe({ object_type: 'text', text: 'x', link: {} });
    await Promise.all([kakao.friends(true), memo(), memo()]);
    expect((await emu.control.state()).tokensIssued).toBe(issued + 1);
  });

  it('saves a rotated refresh token, and signs out on KOE322', async () => {
    const kakao = service();
    await kakao.signIn();
    const memo = () => kakao.sendToMe({ object_type: 'text', text: 'x', link: {} });
    await emu.control.advanceClock(40 * 24 * 3600_000); // <1 month left: the refresh rotates
    await memo();
    await emu.control.expireTokens();
    await memo(); // works only if the rotated refresh token was saved
    await emu.control.advanceClock(61 * 24 * 3600_000);
    const err = await memo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KakaoError);
    expect((err as KakaoError).ko).toContain('다시 로그인해 주세요');
    expect((await kakao.authState()).signedIn).toBe(false);
  });

  it('surfaces -402 with the scopes to grant', async () => {
    const s = loadScenario('basic');
    s.apps[0]!.consentItems = { profile_nickname: 'required', friends: 'during-use', talk_message: 'during-use' };
    await emu.control.loadScenario(s);
    await emu.control.autoApprove(1);
    const kakao = service();
    await kakao.requestConsent(['friends']);
    await expect(kakao.sendToMe({ object_type: 'text', text: 'x', link: {} })).rejects.toMatchObject({
      code: '-402',
      action: 'grant-consent',
    });
    expect((await kakao.authState()).missingScopes).toEqual(['talk_message']);
  });

  it('sends a test message to the operator themself', async () => {
    const kakao = service();
    await kakao.signIn();
    await kakao.sendToMe({ object_type: 'text', text: '테스트', link: {} });
    expect((await emu.control.deliveries())[0]).toMatchObject({ kind: 'memo', receiverId: 1 });
  });

  it('signs out and disconnects, clearing every token', async () => {
    const kakao = service();
    await kakao.signIn();
    await kakao.signOut();
    expect((await kakao.authState()).signedIn).toBe(false);
    expect(await storageDump()).not.toMatch(/kakaoAccess|kakaoRefreshToken/);
    await kakao.signIn();
    await kakao.disconnect();
    expect((await emu.control.state()).connections[KEY]?.['1']).toBeUndefined();
  });
});

describe('sign-in failures', () => {
  it('cancelled consent and a forged state are typed errors, not crashes', async () => {
    await emu.control.autoApprove(null);
    const cancel = service({
      launchWebAuthFlow: async ({ url }) =>
        `${REDIRECT}?error=access_denied&state=${new URL(url).searchParams.get('state')}`,
    });
    await expect(cancel.signIn()).rejects.toMatchObject({ code: 'cancelled' });
    const forged = service({ launchWebAuthFlow: async () => `${REDIRECT}?code=abc&state=forged` });
    await expect(forged.signIn()).rejects.toMatchObject({ code: 'state-mismatch' });
  });

  it('explains KOE006 with the exact redirect URI when the window closes on an error page', async () => {
    const kakao = service({
      redirectUri: () => 'https://unregistered.chromiumapp.org/kakao',
      launchWebAuthFlow: async () => {
        throw new Error('The user did not approve access.');
      },
    });
    const err = (await kakao.signIn().catch((e: unknown) => e)) as KakaoError;
    expect(err.code).toBe('KOE006');
    expect(err.fixKo).toContain('Redirect URI');
    expect(err.fixKo).toContain('https://unregistered.chromiumapp.org/kakao');
  });

  it('asks for the key first when none is set, and reports a bad key', async () => {
    await expect(service({ getRestApiKey: async () => '' }).signIn()).rejects.toMatchObject({ code: 'not-configured' });
    const bad = service({
      getRestApiKey: async () => 'ffffffffffffffffffffffffffffffff',
      launchWebAuthFlow: async () => {
        throw new Error('closed');
      },
    });
    await expect(bad.signIn()).rejects.toMatchObject({ code: 'KOE101' });
  });

  it('sends the client secret when one is set (KOE010 otherwise)', async () => {
    const s = loadScenario('basic');
    s.apps[0]!.clientSecret = 'sekret';
    await emu.control.loadScenario(s);
    await emu.control.autoApprove(1);
    await expect(service().signIn()).rejects.toMatchObject({ code: 'KOE010' });
    const kakao = service();
    await kakao.setClientSecret('sekret');
    expect((await kakao.signIn()).hasClientSecret).toBe(true);
    expect(await storageDump()).not.toContain('sekret');
  });
});
