import { customerNoticeBlocks, customerNoticeTitle, displayStoreName } from './customer-notice';
import { withJosa } from '@/utils/shared/korean';

// The light opt-in form: one self-contained HTML file the operator hosts on their own domain. It completes
// Kakao Login in the page — authorize (state, PKCE S256, scope=friends) with a REST API key of its own whose
// client secret is OFF, the token by fetch to kauth (which answers CORS for the token request), /v2/user/me
// through Kakao's JS SDK with that token, /v2/user/scopes for friends, then logout — because a customer who
// only reaches the code is connected to nothing (/work/shared/reference/customer-connection.md). This relies
// on behaviour Kakao does not document (UNTESTED there); the Worker in optin-worker/ is the documented form.
// The token lives only in a local variable: never in storage, the address or the page. The page is the
// operator's, not the extension's, so it loads the SDK from Kakao's CDN (pinned, with SRI); the extension
// build never contains the SDK. Every inserted value is escaped; keys must be 32 hex characters.

export const KAKAO_SDK_URL = 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js';
/** Kakao's published SRI hash for SDK 2.7.4. */
export const KAKAO_SDK_INTEGRITY = 'sha384-DKYJZ8NLiK8MN4/C5P2dtSmLQ4KwPaoqAfyA/DfmEc1VDxu4yyC7wy6K1Hs90nka';
/** Only friends: talk_message is the operator's consent, not the customer's. */
export const OPT_IN_SCOPES = 'friends';
export const REST_KEY_PLACEHOLDER = 'YOUR_REST_API_KEY';
export const JS_KEY_PLACEHOLDER = 'YOUR_JAVASCRIPT_KEY';
export const OPT_IN_FILE_NAME = 'ordertalk-kakao-optin.html';
/** sessionStorage entry holding state + PKCE verifier across the redirect (never a token); removed on return. */
export const OPT_IN_SESSION_KEY = 'ordertalk-optin';

export interface OptInPageInput {
  storeName: string;
  /** Where "back to the store" points; dropped unless https. */
  storeUrl?: string;
  /** The page's own REST API key (client secret OFF, this page's URL as its redirect URI). */
  restApiKey?: string;
  /** The app's JavaScript key (this page's origin as its web domain); the placeholder stays when absent. */
  javascriptKey?: string;
  /** The Kakao app's name on the consent screen (the store name when empty). */
  appName?: string;
  /** Leave the scripts out: a static preview for the operator's screenshot inside the extension. */
  preview?: boolean;
}

/** The Kakao console settings the static page needs, for the page at `pageUrl`; null unless it is https. */
export function staticPageConsoleSettings(pageUrl: string): { redirectUri: string; webDomain: string } | null {
  try {
    const url = new URL(pageUrl.trim());
    if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) return null;
    return { redirectUri: url.origin + url.pathname, webDomain: url.origin };
  } catch {
    return null;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A JS string literal that cannot close its <script> or break out of the literal. */
export function scriptString(value: string): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function safeHttpsUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', sans-serif; }
  body { margin: 0; background: #f7f7f8; color: #1d1d1f; }
  main { max-width: 560px; margin: 0 auto; padding: 24px 18px 40px; }
  h1 { font-size: 22px; line-height: 1.4; }
  h2 { font-size: 16px; margin: 22px 0 6px; }
  li { margin: 6px 0; line-height: 1.6; }
  .card { background: #fff; border: 1px solid #e3e3e8; border-radius: 12px; padding: 4px 18px 14px; }
  .kakao { display: block; width: 100%; margin: 22px 0 10px; padding: 14px; border: 0; border-radius: 12px;
    background: #fee500; color: #191919; font: inherit; font-size: 16px; font-weight: 700; cursor: pointer; }
  .kakao:focus-visible { outline: 3px solid #0a66c2; outline-offset: 2px; }
  #result { min-height: 1.6em; font-weight: 600; }
  .small { font-size: 13px; color: #6b6b70; }
  @media (prefers-color-scheme: dark) {
    body { background: #1c1c1e; color: #f2f2f7; }
    .card { background: #2c2c2e; border-color: #3a3a3c; }
    .small { color: #a1a1a8; }
  }
`;

// Runs on the operator's page. Constants only; the redirect URI is this page's own address, which the operator
// registers under the page's REST API key.
function script(restKey: string, jsKey: string): string {
  return `
(function () {
  var REST_KEY = ${scriptString(restKey)}; // 카카오 디벨로퍼스 > 앱 > 플랫폼 키 > REST API 키 (이 페이지 전용, 클라이언트 시크릿 OFF)
  var JS_KEY = ${scriptString(jsKey)}; // 카카오 디벨로퍼스 > 앱 > 플랫폼 키 > JavaScript 키
  var PLACEHOLDERS = [${scriptString(REST_KEY_PLACEHOLDER)}, ${scriptString(JS_KEY_PLACEHOLDER)}];
  var SCOPE = ${scriptString(OPT_IN_SCOPES)};
  var SESSION = ${scriptString(OPT_IN_SESSION_KEY)};
  var AUTH = 'https://kauth.kakao.com';
  var redirectUri = location.origin + location.pathname;
  var result = document.getElementById('result');
  var button = document.getElementById('kakao-login');
  var retry = document.getElementById('retry');

  function say(kind, text) {
    result.textContent = text;
    result.setAttribute('data-result', kind);
    retry.hidden = kind === 'connected' || kind === 'working';
    button.hidden = kind !== 'idle';
  }
  function b64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  }
  function random(n) {
    return b64url(crypto.getRandomValues(new Uint8Array(n)));
  }

  function start() {
    if (PLACEHOLDERS.indexOf(REST_KEY) >= 0 || PLACEHOLDERS.indexOf(JS_KEY) >= 0) {
      say('error', '아직 준비 중인 페이지예요. (운영자: 파일의 YOUR_REST_API_KEY, YOUR_JAVASCRIPT_KEY 를 바꿔 주세요.)');
      return;
    }
    var state = random(24);
    var verifier = random(32);
    crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (hash) {
      // Only what the return trip needs to check: never a token.
      sessionStorage.setItem(SESSION, JSON.stringify({ s: state, v: verifier }));
      var url = new URL(AUTH + '/oauth/authorize');
      url.searchParams.set('client_id', REST_KEY);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('scope', SCOPE);
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', b64url(new Uint8Array(hash)));
      url.searchParams.set('code_challenge_method', 'S256');
      location.assign(url.toString());
    });
  }

  async function exchange(code, verifier) {
    var form = new URLSearchParams();
    form.set('grant_type', 'authorization_code');
    form.set('client_id', REST_KEY);
    form.set('redirect_uri', redirectUri);
    form.set('code', code);
    form.set('code_verifier', verifier);
    var r = await fetch(AUTH + '/oauth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: form.toString(),
      cache: 'no-store',
    });
    var body = await r.json().catch(function () { return {}; });
    if (!r.ok || typeof body.access_token !== 'string') throw { step: 'token', code: body.error_code || body.error || 'HTTP ' + r.status };
    return body.access_token;
  }

  async function finish(code, verifier) {
    say('working', '카카오와 연결하는 중이에요…');
    var token = null;
    try {
      token = await exchange(code, verifier);
      if (!window.Kakao) throw { step: 'sdk' };
      if (!Kakao.isInitialized()) Kakao.init(JS_KEY);
      Kakao.Auth.setAccessToken(token);
      // The user-info call is what keeps Kakao from unlinking the customer a day later.
      var me = await Kakao.API.request({ url: '/v2/user/me' }).catch(function () { throw { step: 'me' }; });
      if (!me || typeof me.id !== 'number') throw { step: 'me' };
      var list = await Kakao.API.request({ url: '/v2/user/scopes', data: { scopes: ['friends'] } }).catch(function () {
        throw { step: 'scopes' };
      });
      var friends = (list && list.scopes || []).some(function (s) { return s.id === 'friends' && s.agreed === true; });
      if (friends) say('connected', '연결됐어요. 이제 주문 소식을 카카오톡으로 받으실 수 있어요. (운영자와 카카오톡 친구이고 프로필이 공개되어 있어야 도착해요.)');
      else say('friends-declined', "'카카오 서비스 내 친구목록'에 동의하지 않으셔서 메시지를 받을 수 없어요. 다시 시도해서 친구목록에 동의해 주세요.");
    } catch (e) {
      var step = e && e.step;
      if (step === 'token') say('error', '카카오 로그인을 마치지 못했어요. 처음부터 다시 시도해 주세요. (' + String(e.code) + ')');
      else if (step === 'sdk') say('error', '카카오 SDK를 불러오지 못했어요. 잠시 후 다시 시도해 주세요.');
      else if (step === 'me') say('error', '카카오에서 연결을 확인하지 못했어요. 다시 시도해 주세요.');
      else if (step === 'scopes') say('error', '친구목록 동의를 확인하지 못했어요. 다시 시도해 주세요.');
      else say('error', '카카오에 연결하지 못했어요. 잠시 후 다시 시도해 주세요.');
    } finally {
      // The connection stays; the token is not needed, so it is expired at once and forgotten.
      if (token && window.Kakao && Kakao.isInitialized()) {
        await Kakao.Auth.logout().catch(function () { return undefined; });
        Kakao.Auth.setAccessToken(null);
      }
      token = null;
    }
  }

  button.addEventListener('click', start);
  retry.addEventListener('click', function () {
    say('idle', '');
    start();
  });

  var params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error') || params.has('state')) {
    // The code and state leave the address bar and the history entry at once.
    history.replaceState(null, '', redirectUri);
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
    } catch (e) {
      saved = null;
    }
    sessionStorage.removeItem(SESSION); // one attempt per start: a replayed address finds nothing
    if (!saved || !saved.s || params.get('state') !== saved.s) {
      say('error', '요청을 확인할 수 없어요(state 불일치). 처음부터 다시 시작해 주세요.');
    } else if (params.get('error') === 'access_denied') {
      say('cancelled', '동의를 취소해서 연결하지 않았어요. 원하실 때 다시 시도해 주세요.');
    } else if (params.get('error') || !params.get('code')) {
      say('error', '카카오가 로그인을 거절했어요. 다시 시도해 주세요. (' + (params.get('error') || 'no code') + ')');
    } else {
      finish(params.get('code'), saved.v);
    }
  }
})();
`;
}

export function buildOptInPage(input: OptInPageInput): string {
  const store = displayStoreName(input.storeName);
  const storeUrl = safeHttpsUrl(input.storeUrl);
  const key = (value: string | undefined, placeholder: string) =>
    value && /^[0-9a-f]{32}$/.test(value.trim()) ? value.trim() : placeholder;
  const restKey = key(input.restApiKey, REST_KEY_PLACEHOLDER);
  const jsKey = key(input.javascriptKey, JS_KEY_PLACEHOLDER);
  const title = escapeHtml(customerNoticeTitle(store));
  const blocks = customerNoticeBlocks(store, 'opt-in-page', input.appName)
    .map(
      (b) =>
        `    <h2>${escapeHtml(b.heading)}</h2>\n    <ul>\n${b.items.map((i) => `      <li>${escapeHtml(i)}</li>`).join('\n')}\n    </ul>`,
    )
    .join('\n');
  const back = storeUrl
    ? `  <p class="small"><a href="${escapeHtml(storeUrl)}">${escapeHtml(withJosa(store, 'direction'))} 돌아가기</a></p>\n`
    : '';
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
  <h1>${title}</h1>
  <div class="card">
${blocks}
  </div>
  <button id="kakao-login" class="kakao" type="button">카카오로 연결하고 주문 알림 받기</button>
  <p id="result" role="status" aria-live="polite" data-result="idle"></p>
  <button id="retry" class="kakao" type="button" hidden>다시 시도</button>
  <p class="small">카카오 로그인 화면에서 '카카오 서비스 내 친구목록'에 동의해 주세요. 이 페이지는 아무것도 저장하지 않고, 확인 후 바로 로그아웃해요.</p>
${back}</main>
${input.preview ? '' : `<script src="${KAKAO_SDK_URL}" integrity="${KAKAO_SDK_INTEGRITY}" crossorigin="anonymous"></script>\n<script>${script(restKey, jsKey)}</script>\n`}</body>
</html>
`;
}
