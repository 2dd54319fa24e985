// The Worker's HTML: plain pages, Korean first, no scripts. Every value from the environment or the request is
// escaped here, so no caller can forget it.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface StoreInfo {
  storeName: string;
  storeUrl?: string;
  appName: string;
  noticeText?: string;
}

const STYLE = `body{font-family:system-ui,-apple-system,'Apple SD Gothic Neo','Malgun Gothic',sans-serif;max-width:560px;margin:32px auto;padding:0 16px;line-height:1.6;color:#222}
h1{font-size:22px}.en{color:#666;font-size:14px}.notice{white-space:pre-line;background:#f6f6f6;padding:12px;border-radius:8px}
.button{display:inline-block;background:#fee500;color:#191919;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function storeLink(s: StoreInfo): string {
  return s.storeUrl
    ? `<p><a href="${escapeHtml(s.storeUrl)}" rel="noopener">${escapeHtml(s.storeName)} 가기 <span class="en">(back to the store)</span></a></p>`
    : '';
}

const retry = `<p><a class="button" id="retry" href="/start">다시 시도</a> <span class="en">Try again</span></p>`;

/** GET /: what the customer agrees to, what else messages need, and how to stop. */
export function optInPage(s: StoreInfo): string {
  const store = escapeHtml(s.storeName);
  const app = escapeHtml(s.appName);
  return layout(
    `${s.storeName} 주문 소식 받기`,
    `<h1>${store} 주문 소식을 카카오톡으로 받기</h1>
<p class="en">Get ${store} order updates on KakaoTalk</p>
${s.noticeText ? `<p class="notice" id="notice">${escapeHtml(s.noticeText)}</p>` : ''}
<ul>
<li>카카오 로그인 화면에는 <strong id="app-name">${app}</strong> 앱이 보여요. 요청하는 항목은 <strong>카카오 서비스 내 친구목록</strong> 하나예요.<br><span class="en">Kakao Login shows the app “${app}”; it asks only for your Kakao friends list.</span></li>
<li>메시지를 받으려면 ${store} 운영자와 <strong>카카오톡 친구</strong>여야 하고, <strong>프로필이 공개</strong>되어 있어야 해요.<br><span class="en">Messages arrive only if you are the operator's KakaoTalk friend and your profile is public.</span></li>
<li>그만 받으려면 카카오계정 › <strong>연결된 서비스 관리</strong>에서 ${app} 연결을 끊으면 돼요.<br><span class="en">To stop, disconnect ${app} in Kakao Account › Connected services.</span></li>
<li>이 페이지는 아무 정보도 저장하지 않아요. 로그인은 확인 후 바로 끝나요.<br><span class="en">This page keeps nothing; you are signed out right after the check.</span></li>
</ul>
<p><a class="button" id="start" href="/start">카카오로 연결하기</a> <span class="en">Connect with Kakao</span></p>
${storeLink(s)}`,
  );
}

export function connectedPage(s: StoreInfo): string {
  return layout(
    '연결됐어요',
    `<h1 id="result" data-result="connected">연결됐어요</h1>
<p>${escapeHtml(s.storeName)} 주문 소식을 카카오톡으로 받을 수 있어요. 운영자와 카카오톡 친구이고 프로필이 공개되어 있어야 메시지가 도착해요.</p>
<p class="en">You're connected. Messages arrive while you are the operator's KakaoTalk friend with a public profile.</p>
${storeLink(s)}`,
  );
}

export function cancelledPage(): string {
  return layout(
    '연결하지 않았어요',
    `<h1 id="result" data-result="cancelled">동의를 취소해서 연결하지 않았어요</h1>
<p class="en">You cancelled, so nothing was connected.</p>${retry}`,
  );
}

export function friendsDeclinedPage(): string {
  return layout(
    '친구목록 동의가 필요해요',
    `<h1 id="result" data-result="friends-declined">카카오 서비스 내 친구목록에 동의하지 않아서 메시지를 받을 수 없어요</h1>
<p>주문 소식을 받으려면 다시 시도해서 친구목록 항목에 동의해 주세요.</p>
<p class="en">You did not allow the friends list, so messages cannot reach you. Try again and allow it.</p>${retry}`,
  );
}

/** Bad or missing state, a Kakao error, or a failed exchange: what happened, never a token or a code. */
export function errorPage(ko: string, en: string, detail?: string): string {
  return layout(
    '연결하지 못했어요',
    `<h1 id="result" data-result="error">연결하지 못했어요</h1>
<p id="error-message">${escapeHtml(ko)}</p>
<p class="en">${escapeHtml(en)}</p>
${detail ? `<p class="en">(<code id="error-code">${escapeHtml(detail)}</code>)</p>` : ''}${retry}`,
  );
}
