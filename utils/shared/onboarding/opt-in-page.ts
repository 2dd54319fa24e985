import { customerNoticeBlocks, customerNoticeTitle, displayStoreName } from './customer-notice';
import { withJosa } from '@/utils/shared/korean';

// One self-contained HTML file the operator hosts on their own domain: it shows the customer notice and
// lets a customer sign in with Kakao and consent to friends + talk_message — the way customers become
// reachable. It is the operator's page, not the extension's, so it may load Kakao's JS SDK from Kakao's CDN
// (pinned, with SRI). Every inserted value is escaped; nothing from settings reaches the script except a
// JavaScript key that must be 32 hex characters.

export const KAKAO_SDK_URL = 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js';
/** Kakao's published SRI hash for SDK 2.7.4. */
export const KAKAO_SDK_INTEGRITY = 'sha384-DKYJZ8NLiK8MN4/C5P2dtSmLQ4KwPaoqAfyA/DfmEc1VDxu4yyC7wy6K1Hs90nka';
export const OPT_IN_SCOPES = 'friends,talk_message';
export const JS_KEY_PLACEHOLDER = 'YOUR_JAVASCRIPT_KEY';
export const OPT_IN_FILE_NAME = 'ordertalk-kakao-optin.html';

export interface OptInPageInput {
  storeName: string;
  /** Where "back to the store" points; dropped unless https. */
  storeUrl?: string;
  /** The app's JavaScript key; the placeholder stays when absent or malformed. */
  javascriptKey?: string;
  /** Leave the scripts out: a static preview for the operator's screenshot inside the extension. */
  preview?: boolean;
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

// Runs on the operator's page. Constants only; the redirect URI is this page's own address, which the
// operator registers under the JavaScript key.
function script(jsKey: string): string {
  return `
(function () {
  var JS_KEY = ${scriptString(jsKey)}; // 카카오 디벨로퍼스 > 앱 > 플랫폼 키 > JavaScript 키
  var PLACEHOLDER = ${scriptString(JS_KEY_PLACEHOLDER)};
  var SCOPE = ${scriptString(OPT_IN_SCOPES)};
  var redirectUri = location.origin + location.pathname;
  var result = document.getElementById('result');
  var params = new URLSearchParams(location.search);
  if (params.get('code')) {
    result.textContent = '동의해 주셔서 감사합니다. 이제 주문 소식을 카카오톡으로 받으실 수 있어요.';
  } else if (params.get('error')) {
    result.textContent = '동의하지 않으셨어요. 원하실 때 언제든 다시 하실 수 있어요.';
  }
  document.getElementById('kakao-login').addEventListener('click', function () {
    if (JS_KEY === PLACEHOLDER) {
      result.textContent = '아직 준비 중인 페이지예요. (운영자: 파일의 YOUR_JAVASCRIPT_KEY 를 JavaScript 키로 바꿔 주세요.)';
      return;
    }
    if (!window.Kakao) {
      result.textContent = '카카오 로그인을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.';
      return;
    }
    if (!Kakao.isInitialized()) Kakao.init(JS_KEY);
    Kakao.Auth.authorize({ scope: SCOPE, redirectUri: redirectUri });
  });
})();
`;
}

export function buildOptInPage(input: OptInPageInput): string {
  const store = displayStoreName(input.storeName);
  const storeUrl = safeHttpsUrl(input.storeUrl);
  const jsKey =
    input.javascriptKey && /^[0-9a-f]{32}$/.test(input.javascriptKey.trim())
      ? input.javascriptKey.trim()
      : JS_KEY_PLACEHOLDER;
  const title = escapeHtml(customerNoticeTitle(store));
  const blocks = customerNoticeBlocks(store, 'opt-in-page')
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
  <button id="kakao-login" class="kakao" type="button">카카오로 로그인하고 주문 알림 받기</button>
  <p id="result" role="status" aria-live="polite"></p>
  <p class="small">카카오 로그인 화면에서 '카카오 서비스 내 친구목록'과 '카카오톡 메시지 전송'에 동의해 주세요. 동의는 언제든 철회할 수 있어요.</p>
${back}</main>
${input.preview ? '' : `<script src="${KAKAO_SDK_URL}" integrity="${KAKAO_SDK_INTEGRITY}" crossorigin="anonymous"></script>\n<script>${script(jsKey)}</script>\n`}</body>
</html>
`;
}
