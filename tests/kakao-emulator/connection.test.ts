import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, loadScenario, type Emulator } from './client';
import { KAKAO_CDN_HOST, standInSdk, standInSdkIntegrity } from './sdk';
import { createHash } from 'node:crypto';

// Who Kakao counts as connected (docs/reference/customer-connection.md): token issuance connects, a code does
// not; a token holder with no user-info call within 24 h is unlinked by the daily sweep; the operator's friends
// list shows only connected friends who granted `friends`, are visible, public, and (unapproved app) members.

const KEY = '0123456789abcdef0123456789abcdef';
const REDIRECT = 'https://client.example.test/callback';
const AUTH = 'kauth.kakao.com';
const API = 'kapi.kakao.com';
const OPERATOR = 1;
const CUSTOMER = 4; // 이구름: the operator's KakaoTalk friend, never signed in to the app
const DAY = 24 * 3600_000;
const PAGE_ORIGIN = 'https://shop.example.test';

let emu: Emulator;
beforeAll(async () => {
  const s = loadScenario('basic');
  s.apps[0]!.members.push(CUSTOMER);
  s.apps[0]!.webDomains.push(PAGE_ORIGIN);
  s.connections.push({ app: KEY, user: OPERATOR, scopes: ['profile_nickname', 'friends', 'talk_message'] });
  emu = await startEmulator({ scenario: s });
});
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

async function code(user: number, scopes: string[] = ['friends']): Promise<string> {
  const params = { client_id: KEY, redirect_uri: REDIRECT, response_type: 'code', scope: 'friends' };
  const body = new URLSearchParams({ ...params, user: String(user), decision: 'agree' });
  for (const s of scopes) body.append('agree_scope', s);
  const r = await emu.request(AUTH, '/oauth/authorize/decision', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  expect(r.status).toBe(302);
  return new URL(String(r.headers.location)).searchParams.get('code')!;
}

async function exchange(c: string): Promise<string> {
  const r = await emu.form(AUTH, '/oauth/token', {
    grant_type: 'authorization_code',
    client_id: KEY,
    redirect_uri: REDIRECT,
    code: c,
  });
  expect(r.status).toBe(200);
  return r.json().access_token;
}

const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

async function operatorFriends(): Promise<number[]> {
  const { access_token } = emu.world.issueTokens(KEY, OPERATOR);
  const r = await emu.request(API, '/v1/api/talk/friends', bearer(access_token));
  expect(r.status).toBe(200);
  return r.json().elements.map((e: { id: number }) => e.id);
}

const connected = async (user: number) => (await emu.control.state()).connections[KEY]?.[String(user)];

describe('connection states', () => {
  it('a customer who only reached the code is not connected and not in the friends list', async () => {
    await code(CUSTOMER);
    expect(await connected(CUSTOMER)).toBeUndefined();
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    await emu.control.advanceClock(DAY + 3600_000);
    expect(await operatorFriends()).not.toContain(CUSTOMER);
  });

  it('token issuance connects (with the scopes agreed); /v2/user/me completes it; the friends list shows them', async () => {
    const token = await exchange(await code(CUSTOMER));
    expect(await connected(CUSTOMER)).toEqual(expect.arrayContaining(['profile_nickname', 'friends']));
    expect((await emu.control.state()).awaitingInfoCall[KEY]).toEqual([CUSTOMER]);
    expect((await emu.request(API, '/v2/user/me', bearer(token))).status).toBe(200);
    expect((await emu.control.state()).awaitingInfoCall[KEY]).toEqual([]);
    expect(await operatorFriends()).toContain(CUSTOMER);
    await emu.control.advanceClock(3 * DAY);
    expect(await operatorFriends()).toContain(CUSTOMER);
  });

  it('no user-info call within 24 h: the daily sweep unlinks the token holder', async () => {
    const token = await exchange(await code(CUSTOMER));
    expect(await operatorFriends()).toContain(CUSTOMER); // connected, with friends: visible until the sweep
    await emu.control.advanceClock(23 * 3600_000);
    expect(await connected(CUSTOMER)).toBeDefined();
    await emu.control.advanceClock(2 * 3600_000);
    expect(await connected(CUSTOMER)).toBeUndefined();
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    expect((await emu.request(API, '/v2/user/me', bearer(token))).json().code).toBe(-401);
  });

  it('the KakaoTalk profile and friends calls count as user-info calls too; scopes alone does not', async () => {
    const t1 = await exchange(await code(CUSTOMER));
    expect((await emu.request(API, '/v2/user/scopes', bearer(t1))).status).toBe(200);
    expect((await emu.control.state()).awaitingInfoCall[KEY]).toEqual([CUSTOMER]);
    expect((await emu.request(API, '/v1/api/talk/profile', bearer(t1))).json().nickName).toBe('이구름');
    expect((await emu.control.state()).awaitingInfoCall[KEY]).toEqual([]);
    await emu.control.advanceClock(2 * DAY);
    expect(await connected(CUSTOMER)).toBeDefined();
  });

  it('friends declined: connected, but not in the operator’s friends list', async () => {
    const token = await exchange(await code(CUSTOMER, []));
    await emu.request(API, '/v2/user/me', bearer(token));
    expect(await connected(CUSTOMER)).toEqual(['profile_nickname']);
    expect(await operatorFriends()).not.toContain(CUSTOMER);
  });

  it('before approval only team members show; hidden, private or non-friend customers never do', async () => {
    const s = loadScenario('basic');
    s.connections.push({ app: KEY, user: OPERATOR, scopes: ['profile_nickname', 'friends', 'talk_message'] });
    await emu.control.loadScenario(s); // 4 is not a member here
    const token = await exchange(await code(CUSTOMER));
    await emu.request(API, '/v2/user/me', bearer(token));
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    emu.world.apps.get(KEY)!.friendsMessageApproved = true;
    expect(await operatorFriends()).toContain(CUSTOMER);
    await emu.control.patchUser(CUSTOMER, { privateProfile: true });
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    await emu.control.patchUser(CUSTOMER, { privateProfile: false });
    emu.world.hidden.set(OPERATOR, new Set([CUSTOMER]));
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    emu.world.hidden.clear();
    await emu.control.unfriend(OPERATOR, CUSTOMER);
    expect(await operatorFriends()).not.toContain(CUSTOMER);
  });
});

describe('extra REST API keys', () => {
  it('a second key of the same app has its own secret and redirect URIs; the connection is the app’s', async () => {
    const s = loadScenario('basic');
    const page = 'https://shop.example.test/optin.html';
    const extra = 'fedcba9876543210fedcba9876543210';
    s.apps[0]!.clientSecret = 'main-secret';
    s.apps[0]!.members.push(CUSTOMER);
    s.apps[0]!.extraRestApiKeys.push({ restApiKey: extra, redirectUris: [page] });
    s.connections.push({ app: KEY, user: OPERATOR, scopes: ['profile_nickname', 'friends', 'talk_message'] });
    await emu.control.loadScenario(s);
    const params = { client_id: extra, redirect_uri: page, response_type: 'code', scope: 'friends' };
    // The main key's redirect URI is not the extra key's.
    expect(
      (await emu.request(AUTH, `/oauth/authorize?${new URLSearchParams({ ...params, redirect_uri: REDIRECT })}`)).text,
    ).toContain('KOE006');
    const body = new URLSearchParams({ ...params, user: String(CUSTOMER), decision: 'agree', agree_scope: 'friends' });
    const r = await emu.request(AUTH, '/oauth/authorize/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const c = new URL(String(r.headers.location)).searchParams.get('code')!;
    // No client secret for this key: the exchange works without one.
    const t = await emu.form(AUTH, '/oauth/token', {
      grant_type: 'authorization_code',
      client_id: extra,
      redirect_uri: page,
      code: c,
    });
    expect(t.status).toBe(200);
    expect((await emu.request(API, '/v2/user/me', bearer(t.json().access_token))).status).toBe(200);
    expect(await connected(CUSTOMER)).toContain('friends');
    expect(await operatorFriends()).toContain(CUSTOMER);
  });
});

describe('JavaScript SDK stand-in and kapi from a web page', () => {
  it('serves the SDK at Kakao’s CDN path, loadable with SRI (crossorigin) and matching its integrity', async () => {
    const r = await emu.request(KAKAO_CDN_HOST, '/kakao_js_sdk/2.7.4/kakao.min.js');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('javascript');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.text).toBe(standInSdk('2.7.4'));
    expect(standInSdkIntegrity('2.7.4')).toBe(`sha384-${createHash('sha384').update(r.text).digest('base64')}`);
    expect((await emu.request(KAKAO_CDN_HOST, '/other.js')).status).toBe(404);
  });

  it('answers SDK calls from a registered web domain only; a raw fetch gets no CORS headers', async () => {
    const token = await exchange(await code(CUSTOMER));
    const pre = await emu.request(API, '/v2/user/me', {
      method: 'OPTIONS',
      headers: { origin: PAGE_ORIGIN, 'access-control-request-headers': 'authorization,ka' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
    const other = 'https://evil.example';
    expect((await emu.request(API, '/v2/user/me', { method: 'OPTIONS', headers: { origin: other } })).status).toBe(403);
    const sdk = { authorization: `Bearer ${token}`, ka: 'sdk/2.7.4 os/javascript' };
    const ok = await emu.request(API, '/v2/user/me', { headers: { ...sdk, origin: PAGE_ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(PAGE_ORIGIN);
    const mismatch = await emu.request(API, '/v2/user/me', { headers: { ...sdk, origin: other } });
    expect(mismatch.json()).toMatchObject({ code: -401, msg: `domain mismatched! caller=${other}` });
    const raw = await emu.request(API, '/v2/user/me', {
      headers: { authorization: `Bearer ${token}`, origin: PAGE_ORIGIN },
    });
    expect(raw.headers['access-control-allow-origin']).toBeUndefined();
  });
});
