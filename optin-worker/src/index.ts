// OrderTalk opt-in Worker: the customer signs in to the operator's Kakao app once, through to token issuance and
// a /v2/user/me call, which is what makes them reachable (docs/reference/customer-connection.md). Stateless: the
// OAuth state and PKCE verifier live in a short-lived cookie, the token only in this request's memory, and
// nothing is logged.
import * as z from 'zod/mini';
import { COOKIE } from './constants';
import { cancelledPage, connectedPage, errorPage, friendsDeclinedPage, optInPage, type StoreInfo } from './pages';

export interface Env {
  KAKAO_REST_API_KEY: string;
  /** Only when client secret is enabled for the REST key; set with `wrangler secret put`. */
  KAKAO_CLIENT_SECRET?: string;
  STORE_NAME?: string;
  STORE_URL?: string;
  NOTICE_TEXT?: string;
  /** The Kakao app's name as the consent screen shows it (defaults to STORE_NAME). */
  KAKAO_APP_NAME?: string;
  /** Tests and local runs only: where kauth/kapi are reached instead of Kakao. */
  KAKAO_AUTH_ORIGIN?: string;
  KAKAO_API_ORIGIN?: string;
}

const AUTH_ORIGIN = 'https://kauth.kakao.com';
const API_ORIGIN = 'https://kapi.kakao.com';
const COOKIE_MAX_AGE_S = 600; // as long as Kakao keeps a code alive

const TokenSchema = z.object({ access_token: z.string().check(z.minLength(1)) });
const KauthErrorSchema = z.object({ error: z.optional(z.string()), error_code: z.optional(z.string()) });
const MeSchema = z.object({ id: z.number() });
const ScopesSchema = z.object({
  scopes: z.array(z.object({ id: z.string(), agreed: z.optional(z.boolean()) })),
});
const CookieSchema = z.object({ s: z.string().check(z.minLength(16)), v: z.string().check(z.minLength(43)) });

function storeInfo(env: Env): StoreInfo {
  const storeName = env.STORE_NAME?.trim() || '우리 가게';
  let storeUrl: string | undefined;
  try {
    // Only an https link is shown, so an env value can never become a javascript: URL.
    if (env.STORE_URL && new URL(env.STORE_URL).protocol === 'https:') storeUrl = env.STORE_URL;
  } catch {
    storeUrl = undefined;
  }
  return { storeName, storeUrl, appName: env.KAKAO_APP_NAME?.trim() || storeName, noticeText: env.NOTICE_TEXT };
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = (n: number) => b64url(crypto.getRandomValues(new Uint8Array(n)));
const s256 = async (verifier: string) =>
  b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The callback URL carries the code: never send it on as a Referer.
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

const clearCookie = `${COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax`;

function readCookie(request: Request): z.infer<typeof CookieSchema> | null {
  const raw = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  if (!raw) return null;
  try {
    const parsed = CookieSchema.safeParse(JSON.parse(decodeURIComponent(raw)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function start(request: Request, env: Env): Promise<Response> {
  const state = random(24);
  const verifier = random(32); // 43 characters, within PKCE's 43–128
  const url = new URL('/oauth/authorize', env.KAKAO_AUTH_ORIGIN || AUTH_ORIGIN);
  url.searchParams.set('client_id', env.KAKAO_REST_API_KEY);
  url.searchParams.set('redirect_uri', new URL('/callback', request.url).toString());
  url.searchParams.set('response_type', 'code');
  // Only friends: talk_message is the operator's consent, not the customer's.
  url.searchParams.set('scope', 'friends');
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await s256(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  const cookie = encodeURIComponent(JSON.stringify({ s: state, v: verifier }));
  return new Response(null, {
    status: 302,
    headers: {
      location: url.toString(),
      'set-cookie': `${COOKIE}=${cookie}; Max-Age=${COOKIE_MAX_AGE_S}; Path=/; HttpOnly; Secure; SameSite=Lax`,
      'cache-control': 'no-store',
    },
  });
}

async function json(r: Response): Promise<unknown> {
  try {
    return await r.json();
  } catch {
    return null;
  }
}

type Outcome = 'connected' | 'friends-declined' | { ko: string; en: string; detail?: string };

/** Exchange, user info, scope check, logout. The token never leaves this function. */
async function connect(env: Env, code: string, verifier: string, redirectUri: string): Promise<Outcome> {
  const authOrigin = env.KAKAO_AUTH_ORIGIN || AUTH_ORIGIN;
  const apiOrigin = env.KAKAO_API_ORIGIN || API_ORIGIN;
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: env.KAKAO_REST_API_KEY,
    redirect_uri: redirectUri,
    code,
    code_verifier: verifier,
  });
  if (env.KAKAO_CLIENT_SECRET) form.set('client_secret', env.KAKAO_CLIENT_SECRET);
  let tokenReply: Response;
  try {
    tokenReply = await fetch(`${authOrigin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: form.toString(),
    });
  } catch {
    return { ko: '카카오에 연결하지 못했어요. 잠시 후 다시 시도해 주세요.', en: 'Could not reach Kakao. Try again.' };
  }
  const tokenBody = await json(tokenReply);
  const token = tokenReply.ok ? TokenSchema.safeParse(tokenBody) : null;
  if (!token?.success) {
    // Only Kakao's error code is shown: its description can quote the code.
    const e = KauthErrorSchema.safeParse(tokenBody);
    return {
      ko: '카카오 로그인을 마치지 못했어요. 처음부터 다시 시도해 주세요.',
      en: 'Kakao Login could not be completed. Start again.',
      detail: e.success ? e.data.error_code || e.data.error : `HTTP ${tokenReply.status}`,
    };
  }
  const auth = { authorization: `Bearer ${token.data.access_token}` };
  try {
    // The user-info call is what keeps Kakao from unlinking the customer a day later.
    const me = await fetch(`${apiOrigin}/v2/user/me`, { headers: auth });
    if (!me.ok || !MeSchema.safeParse(await json(me)).success) {
      return {
        ko: '카카오에서 연결을 확인하지 못했어요. 다시 시도해 주세요.',
        en: 'Kakao did not confirm the connection. Try again.',
        detail: `HTTP ${me.status}`,
      };
    }
    const scopes = await fetch(`${apiOrigin}/v2/user/scopes?scopes=${encodeURIComponent('["friends"]')}`, {
      headers: auth,
    });
    const list = ScopesSchema.safeParse(await json(scopes));
    if (!scopes.ok || !list.success) {
      return {
        ko: '친구목록 동의를 확인하지 못했어요. 다시 시도해 주세요.',
        en: 'Could not check the friends-list consent. Try again.',
        detail: `HTTP ${scopes.status}`,
      };
    }
    return list.data.scopes.some((s) => s.id === 'friends' && s.agreed === true) ? 'connected' : 'friends-declined';
  } catch {
    return { ko: '카카오에 연결하지 못했어요. 잠시 후 다시 시도해 주세요.', en: 'Could not reach Kakao. Try again.' };
  } finally {
    // The connection stays; the token is not needed, so it is expired at once (best effort).
    await fetch(`${apiOrigin}/v1/user/logout`, { method: 'POST', headers: auth }).catch(() => undefined);
  }
}

async function callback(request: Request, env: Env): Promise<Response> {
  const q = new URL(request.url).searchParams;
  const cookie = readCookie(request);
  const done = { 'set-cookie': clearCookie }; // one attempt per cookie: a replayed callback finds none
  if (!cookie || !q.get('state') || q.get('state') !== cookie.s) {
    return html(
      400,
      errorPage(
        '요청을 확인할 수 없어요(state 불일치). 안내 페이지에서 처음부터 다시 시작해 주세요.',
        'This request could not be verified (state mismatch). Start again from the opt-in page.',
        'state',
      ),
      done,
    );
  }
  const error = q.get('error');
  if (error === 'access_denied') return html(200, cancelledPage(), done);
  if (error) return html(400, errorPage('카카오가 로그인을 거절했어요.', 'Kakao refused the sign-in.', error), done);
  const code = q.get('code');
  if (!code) return html(400, errorPage('카카오가 인가 코드를 보내지 않았어요.', 'Kakao sent no code.'), done);
  const outcome = await connect(env, code, cookie.v, new URL('/callback', request.url).toString());
  if (outcome === 'connected') return html(200, connectedPage(storeInfo(env)), done);
  if (outcome === 'friends-declined') return html(200, friendsDeclinedPage(), done);
  return html(502, errorPage(outcome.ko, outcome.en, outcome.detail), done);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    if (!env.KAKAO_REST_API_KEY) {
      return html(
        500,
        errorPage('이 페이지는 아직 설정되지 않았어요.', 'This page is not configured yet.', 'KAKAO_REST_API_KEY'),
      );
    }
    if (path === '/') return html(200, optInPage(storeInfo(env)));
    if (path === '/start') return start(request, env);
    if (path === '/callback') return callback(request, env);
    return html(404, errorPage('없는 페이지예요.', 'Not found.'));
  },
};
