// @vitest-environment node
// The static opt-in page's own script, run in happy-dom against the Kakao emulator (kauth, kapi and the SDK
// stand-in it serves at Kakao's CDN path): the customer is connected only through the whole exchange, the page
// says 연결됐어요 only then, and no token is kept anywhere the page can reach later.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { buildOptInPage, OPT_IN_SESSION_KEY } from '@/utils/shared/onboarding/opt-in-page';
import { loadScenario, startEmulator, type Emulator } from '../../kakao-emulator/client';
import { emulatorFetch } from '../kakao/emulator-fetch';

const PAGE = 'https://shop.example.test/kakao-optin.html';
const JS_KEY = 'abcdef0123456789abcdef0123456789';
const CUSTOMER = 4;
const OPERATOR = 1;

let emu: Emulator;
let key: string;
let issued: string[];

beforeAll(async () => {
  const scenario = loadScenario('basic');
  const app = scenario.apps[0]!;
  app.redirectUris.push(PAGE);
  app.members.push(CUSTOMER);
  scenario.connections.push({ app: app.restApiKey, user: OPERATOR, scopes: ['profile_nickname', 'friends'] });
  key = app.restApiKey;
  emu = await startEmulator({ scenario });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.control.reset();
  issued = [];
});

interface Loaded {
  window: Window;
  result(): { kind: string | null; text: string };
}

/** The page at `url`, its inline script run after the SDK stand-in the emulator serves. */
async function load(url: string, session: Record<string, string> = {}): Promise<Loaded> {
  const html = buildOptInPage({ storeName: '하늘상점', restApiKey: key, javascriptKey: JS_KEY, appName: '하늘알림' });
  const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true } });
  for (const [k, v] of Object.entries(session)) window.sessionStorage.setItem(k, v);
  const viaEmulator = emulatorFetch(emu);
  (window as unknown as { fetch: typeof fetch }).fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const r = await viaEmulator(input, init);
    if (String(input).endsWith('/oauth/token')) {
      const body = (await r.clone().json()) as { access_token?: string; refresh_token?: string };
      issued.push(...[body.access_token, body.refresh_token].filter((t): t is string => !!t));
    }
    return r;
  }) as typeof fetch;
  window.document.write(html.replace(/<script[\s\S]*?<\/script>/g, ''));
  const sdk = await emu.request('t1.kakaocdn.net', '/kakao_js_sdk/2.7.4/kakao.min.js');
  window.eval(sdk.text);
  window.eval(inline);
  const el = () => window.document.getElementById('result')!;
  return { window, result: () => ({ kind: el().getAttribute('data-result'), text: el().textContent ?? '' }) };
}

/** Click the button; returns the authorize URL it navigates to and what it left in sessionStorage. */
async function begin(): Promise<{ authorize: URL; session: Record<string, string> }> {
  const page = await load(PAGE);
  const assign = vi.fn();
  Object.defineProperty(page.window.location, 'assign', { value: assign, configurable: true });
  (page.window.document.getElementById('kakao-login') as unknown as HTMLElement).click();
  await vi.waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
  const saved = page.window.sessionStorage.getItem(OPT_IN_SESSION_KEY)!;
  return { authorize: new URL(String(assign.mock.calls[0]![0])), session: { [OPT_IN_SESSION_KEY]: saved } };
}

async function consent(authorize: URL, opts: { friends?: boolean; cancel?: boolean } = {}): Promise<string> {
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

async function settle(page: Loaded): Promise<{ kind: string | null; text: string }> {
  await vi.waitFor(() => expect(page.result().kind).not.toMatch(/^(idle|working)$/), { timeout: 5000 });
  return page.result();
}

async function operatorFriends(): Promise<number[]> {
  const { access_token } = emu.world.issueTokens(key, OPERATOR);
  const r = await emu.request('kapi.kakao.com', '/v1/api/talk/friends', {
    headers: { authorization: `Bearer ${access_token}` },
  });
  return (r.json().elements as { id: number }[]).map((e) => e.id);
}

/** Nothing the page keeps afterwards holds a token: not the address, storage, or the document. */
function expectNothingKept(page: Loaded) {
  expect(issued.length).toBeGreaterThan(0);
  const w = page.window;
  expect(w.location.href).toBe(PAGE);
  expect(w.sessionStorage.length).toBe(0);
  expect(w.localStorage.length).toBe(0);
  const kept = w.document.documentElement.outerHTML + w.location.href + w.document.cookie;
  for (const t of issued) expect(kept).not.toContain(t);
  expect((w as unknown as { Kakao: { Auth: { getAccessToken(): unknown } } }).Kakao.Auth.getAccessToken()).toBeNull();
}

describe('static opt-in page', () => {
  it('authorizes with its REST key, state, S256 PKCE and scope=friends, back to its own address', async () => {
    const { authorize, session } = await begin();
    expect(authorize.origin + authorize.pathname).toBe('https://kauth.kakao.com/oauth/authorize');
    const p = authorize.searchParams;
    expect(p.get('client_id')).toBe(key);
    expect(p.get('redirect_uri')).toBe(PAGE);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('scope')).toBe('friends');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const saved = JSON.parse(session[OPT_IN_SESSION_KEY]!) as { s: string; v: string };
    expect(saved.s).toBe(p.get('state'));
    expect(saved.v).toMatch(/^[\w-]{43}$/);
  });

  it('happy path: token by fetch, /v2/user/me through the SDK, scopes, logout, then 연결됐어요', async () => {
    const { authorize, session } = await begin();
    const back = await consent(authorize);
    expect(await emu.control.state().then((s) => s.connections[key][CUSTOMER])).toBeUndefined(); // code only
    const page = await load(back, session);
    const r = await settle(page);
    expect(r.kind).toBe('connected');
    expect(r.text).toContain('연결됐어요');
    const paths = (await emu.request('localhost', '/__emulator/requests')).json().requests.map((q: any) => q.path);
    expect(paths.slice(-4)).toEqual(['/oauth/token', '/v2/user/me', '/v2/user/scopes', '/v1/user/logout']);
    const state = await emu.control.state();
    expect(state.connections[key][CUSTOMER]).toContain('friends');
    expect(state.awaitingInfoCall[key]).toEqual([]);
    expect(state.accessTokens).toBe(0);
    expect(await operatorFriends()).toContain(CUSTOMER);
    expectNothingKept(page);
  });

  it('friends declined: says exactly that, offers 다시 시도, and the operator does not see the customer', async () => {
    const { authorize, session } = await begin();
    const page = await load(await consent(authorize, { friends: false }), session);
    const r = await settle(page);
    expect(r.kind).toBe('friends-declined');
    expect(r.text).toContain('친구목록');
    expect(r.text).not.toContain('연결됐어요');
    expect((page.window.document.getElementById('retry') as unknown as HTMLElement).hidden).toBe(false);
    expect(await operatorFriends()).not.toContain(CUSTOMER);
    expectNothingKept(page);
  });

  it('cancelled: says so, offers 다시 시도, nothing issued', async () => {
    const { authorize, session } = await begin();
    const page = await load(await consent(authorize, { cancel: true }), session);
    const r = await settle(page);
    expect(r.kind).toBe('cancelled');
    expect(r.text).toContain('동의를 취소해서 연결하지 않았어요');
    expect((page.window.document.getElementById('retry') as unknown as HTMLElement).hidden).toBe(false);
    expect((await emu.control.state()).tokensIssued).toBe(0);
    expect(page.window.location.href).toBe(PAGE);
  });

  it('state mismatch or no saved state: refused before any exchange; a replayed address finds nothing', async () => {
    const { authorize, session } = await begin();
    const back = new URL(await consent(authorize));
    const forged = new URL(back);
    forged.searchParams.set('state', 'attacker-chosen-state-value');
    for (const [url, s] of [
      [forged.toString(), session],
      [back.toString(), {}],
    ] as const) {
      const page = await load(url, s);
      const r = await settle(page);
      expect(r.kind).toBe('error');
      expect(r.text).toContain('state 불일치');
      expect(page.window.sessionStorage.length).toBe(0);
    }
    expect((await emu.control.state()).tokensIssued).toBe(0);
  });

  it('a replayed code is refused by kauth and the page does not say 연결됐어요', async () => {
    const { authorize, session } = await begin();
    const back = await consent(authorize);
    expect((await settle(await load(back, session))).kind).toBe('connected');
    const again = await settle(await load(back, session));
    expect(again.kind).toBe('error');
    expect(again.text).toContain('KOE320');
    expect((await emu.control.state()).tokensIssued).toBe(1);
  });
});
