// @vitest-environment node
// The opt-in Worker's fetch handler, called with Request objects, against the Kakao emulator under Kakao's real
// hostnames: a customer becomes connected only through the whole exchange, and no token ever leaves the Worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import worker, { type Env } from '../../../optin-worker/src/index';
import { COOKIE } from '../../../optin-worker/src/constants';
import { loadScenario, startEmulator, type Emulator } from '../../kakao-emulator/client';
import { emulatorFetch } from '../kakao/emulator-fetch';

const ORIGIN = 'https://ordertalk-optin.example.workers.dev';
const CUSTOMER = 4; // 이구름: the operator's KakaoTalk friend, not yet connected
const OPERATOR = 1;

let emu: Emulator;
let key: string;
let env: Env;
/** Every token kauth handed out during a test, to look for it in what the Worker answers. */
let issued: string[];
let answers: Response[];

beforeAll(async () => {
  const scenario = loadScenario('basic');
  const app = scenario.apps[0]!;
  app.redirectUris.push(`${ORIGIN}/callback`);
  app.members.push(CUSTOMER); // before approval only team members show up in the friends list
  scenario.connections.push({
    app: app.restApiKey,
    user: OPERATOR,
    scopes: ['profile_nickname', 'friends', 'talk_message'],
  });
  key = app.restApiKey;
  emu = await startEmulator({ scenario });
  env = {
    KAKAO_REST_API_KEY: key,
    STORE_NAME: '하늘상점',
    STORE_URL: 'https://smartstore.naver.com/haneul',
    KAKAO_APP_NAME: '하늘상점 알림',
    NOTICE_TEXT: '주문 접수·발송 소식을 카카오톡으로 알려 드려요.',
  };
});
afterAll(() => emu.close());

beforeEach(async () => {
  await emu.control.reset();
  issued = [];
  answers = [];
  const viaEmulator = emulatorFetch(emu);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const r = await viaEmulator(input, init);
    if (String(input).endsWith('/oauth/token')) {
      const body = (await r.clone().json()) as { access_token?: string; refresh_token?: string };
      issued.push(...[body.access_token, body.refresh_token].filter((t): t is string => !!t));
    }
    return r;
  });
  return () => vi.unstubAllGlobals();
});

async function call(url: string, cookie?: string): Promise<Response> {
  const r = await worker.fetch(new Request(url, { headers: cookie ? { cookie } : {} }), env);
  answers.push(r.clone());
  return r;
}

/** /start → the authorize URL and the cookie the browser would keep. */
async function begin() {
  const r = await call(`${ORIGIN}/start`);
  expect(r.status).toBe(302);
  const setCookie = r.headers.get('set-cookie') ?? '';
  return { authorize: new URL(r.headers.get('location') ?? ''), cookie: setCookie.split(';')[0]!, setCookie };
}

/** What the customer clicks on the emulator's consent page; returns where Kakao sends the browser back. */
async function consent(authorize: URL, opts: { friends?: boolean; cancel?: boolean } = {}): Promise<string> {
  const page = await emu.request(authorize.hostname, authorize.pathname + authorize.search);
  expect(page.status).toBe(200);
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user', String(CUSTOMER));
  form.set('decision', opts.cancel ? 'cancel' : 'agree');
  if (opts.friends ?? true) form.append('agree_scope', 'friends');
  const r = await emu.request(authorize.hostname, '/oauth/authorize/decision', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(r.status).toBe(302);
  return String(r.headers.location);
}

async function operatorFriends(): Promise<number[]> {
  const { access_token } = emu.world.issueTokens(key, OPERATOR);
  const r = await emu.request('kapi.kakao.com', '/v1/api/talk/friends', {
    headers: { authorization: `Bearer ${access_token}` },
  });
  expect(r.status).toBe(200);
  return (r.json().elements as { id: number }[]).map((e) => e.id);
}

async function expectNoTokenInAnswers() {
  expect(issued.length).toBeGreaterThan(0);
  for (const a of answers) {
    const text = [...a.headers].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n' + (await a.text());
    for (const t of issued) expect(text).not.toContain(t);
  }
}

describe('opt-in Worker', () => {
  it('serves the notice: app name, what else is needed, how to stop, and a button to /start (escaped)', async () => {
    const r = await worker.fetch(new Request(`${ORIGIN}/`), { ...env, STORE_NAME: '<b>상점</b>' });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toContain('하늘상점 알림');
    expect(text).toContain('카카오톡 친구');
    expect(text).toContain('프로필이 공개');
    expect(text).toContain('연결된 서비스 관리');
    expect(text).toContain(env.NOTICE_TEXT);
    expect(text).toContain('href="/start"');
    expect(text).toContain('&#60;b&#62;상점');
    expect(text).not.toContain('<b>상점');
    expect(text).not.toContain('<script');
  });

  it('/start asks only for friends, with state and an S256 challenge kept in a short-lived HttpOnly cookie', async () => {
    const { authorize, setCookie } = await begin();
    expect(authorize.origin).toBe('https://kauth.kakao.com');
    expect(authorize.pathname).toBe('/oauth/authorize');
    const p = authorize.searchParams;
    expect(p.get('client_id')).toBe(key);
    expect(p.get('redirect_uri')).toBe(`${ORIGIN}/callback`);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('scope')).toBe('friends');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')!.length).toBeGreaterThanOrEqual(16);
    expect(setCookie).toMatch(new RegExp(`^${COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=600/);
    // A new state each time.
    expect((await begin()).authorize.searchParams.get('state')).not.toBe(p.get('state'));
  });

  it('happy path: exchange, /v2/user/me, scopes, logout, then 연결됐어요; the operator sees the customer', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { authorize, cookie } = await begin();
    const back = await consent(authorize);
    const r = await call(back, cookie);
    expect(r.status).toBe(200);
    const text = await r.clone().text();
    expect(text).toContain('연결됐어요');
    expect(r.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');

    const state = await emu.control.state();
    expect(state.connections[key][CUSTOMER]).toContain('friends');
    expect(state.tokensIssued).toBe(1);
    // Logged out: the token the Worker got no longer exists anywhere.
    expect(state.accessTokens).toBe(0);
    expect(state.refreshTokens).toBe(0);
    const paths = (await emu.request('localhost', '/__emulator/requests')).json().requests.map((q: any) => q.path);
    expect(paths).toEqual([
      '/oauth/authorize',
      '/oauth/authorize/decision',
      '/oauth/token',
      '/v2/user/me',
      '/v2/user/scopes',
      '/v1/user/logout',
    ]);
    expect(await operatorFriends()).toContain(CUSTOMER);
    await expectNoTokenInAnswers();
    for (const log of logs) expect(log).not.toHaveBeenCalled(); // the Worker logs nothing, tokens least of all
  });

  it('a customer who reached the code but never came back to /callback is not connected', async () => {
    const { authorize } = await begin();
    const back = new URL(await consent(authorize));
    expect(back.searchParams.get('code')).toBeTruthy();
    expect((await emu.control.state()).connections[key][CUSTOMER]).toBeUndefined();
    expect(await operatorFriends()).not.toContain(CUSTOMER);
  });

  it('/v2/user/me failing: not 연결됐어요, logged out all the same, and unlinked by Kakao a day later', async () => {
    await emu.control.fault({ path: '/v2/user/me', kind: '5xx' });
    const { authorize, cookie } = await begin();
    const r = await call(await consent(authorize), cookie);
    expect(r.status).toBe(502);
    expect(await r.clone().text()).not.toContain('연결됐어요');
    const state = await emu.control.state();
    expect(state.awaitingInfoCall[key]).toEqual([CUSTOMER]);
    expect(state.accessTokens).toBe(0);
    await emu.control.advanceClock(25 * 3600_000);
    expect((await emu.control.state()).connections[key][CUSTOMER]).toBeUndefined();
    await expectNoTokenInAnswers();
  });

  it('a replayed callback is refused: the code is single-use, nothing more is issued', async () => {
    const { authorize, cookie } = await begin();
    const back = await consent(authorize);
    expect((await call(back, cookie)).status).toBe(200);
    const again = await call(back, cookie);
    expect(again.status).toBe(502);
    const text = await again.text();
    expect(text).not.toContain('연결됐어요');
    expect(text).toContain('KOE320');
    expect((await emu.control.state()).tokensIssued).toBe(1);
    await expectNoTokenInAnswers();
  });

  it('state mismatch or a missing cookie: 400, a clear page, and nothing exchanged', async () => {
    const { authorize, cookie } = await begin();
    const back = new URL(await consent(authorize));
    const forged = new URL(back);
    forged.searchParams.set('state', 'attacker-chosen-state-value');
    for (const [url, c] of [
      [forged.toString(), cookie],
      [back.toString(), undefined],
      [back.toString(), `${COOKIE}=garbage`],
    ] as const) {
      const r = await call(url, c);
      expect(r.status).toBe(400);
      const text = await r.text();
      expect(text).toContain('state 불일치');
      expect(text).not.toContain('연결됐어요');
    }
    expect((await emu.control.state()).tokensIssued).toBe(0);
  });

  it('cancelled consent (access_denied): says so, offers 다시 시도, nothing issued', async () => {
    const { authorize, cookie } = await begin();
    const back = await consent(authorize, { cancel: true });
    expect(new URL(back).searchParams.get('error')).toBe('access_denied');
    const r = await call(back, cookie);
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toContain('동의를 취소해서 연결하지 않았어요');
    expect(text).toContain('다시 시도');
    expect(text).toContain('href="/start"');
    expect((await emu.control.state()).tokensIssued).toBe(0);
  });

  it('friends declined: the page says so and offers 다시 시도; the operator does not see the customer', async () => {
    const { authorize, cookie } = await begin();
    const r = await call(await consent(authorize, { friends: false }), cookie);
    expect(r.status).toBe(200);
    const text = await r.clone().text();
    expect(text).toContain('친구목록에 동의하지 않아서');
    expect(text).toContain('다시 시도');
    expect(text).not.toContain('연결됐어요');
    const state = await emu.control.state();
    expect(state.connections[key][CUSTOMER]).not.toContain('friends');
    expect(state.accessTokens).toBe(0); // logged out here too
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    await expectNoTokenInAnswers();
  });

  it('a wrong client secret: Kakao’s error code is shown, escaped, and the customer is not told 연결됐어요', async () => {
    const scenario = loadScenario('basic');
    scenario.apps[0]!.clientSecret = 'real-secret';
    scenario.apps[0]!.redirectUris.push(`${ORIGIN}/callback`);
    await emu.control.loadScenario(scenario);
    env = { ...env, KAKAO_CLIENT_SECRET: 'wrong-secret' };
    try {
      const { authorize, cookie } = await begin();
      const r = await call(await consent(authorize), cookie);
      expect(r.status).toBe(502);
      const text = await r.text();
      expect(text).toContain('KOE010');
      expect(text).not.toContain('wrong-secret');
      expect(text).not.toContain('연결됐어요');
      env = { ...env, KAKAO_CLIENT_SECRET: 'real-secret' };
      const ok = await begin();
      expect(await (await call(await consent(ok.authorize), ok.cookie)).text()).toContain('연결됐어요');
    } finally {
      env = { ...env, KAKAO_CLIENT_SECRET: undefined };
    }
  });

  it('an error echoed in the callback is escaped', async () => {
    const { authorize, cookie } = await begin();
    const url = new URL(`${ORIGIN}/callback`);
    url.searchParams.set('state', authorize.searchParams.get('state')!);
    url.searchParams.set('error', '<img src=x onerror=alert(1)>');
    const r = await call(url.toString(), cookie);
    expect(r.status).toBe(400);
    const text = await r.text();
    expect(text).not.toContain('<img');
    expect(text).toContain('&#60;img');
  });
});
