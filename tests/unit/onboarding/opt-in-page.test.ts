import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import {
  buildOptInPage,
  escapeHtml,
  JS_KEY_PLACEHOLDER,
  KAKAO_SDK_INTEGRITY,
  KAKAO_SDK_URL,
  REST_KEY_PLACEHOLDER,
  scriptString,
  staticPageConsoleSettings,
} from '@/utils/shared/onboarding/opt-in-page';

const HOSTILE = `</title><script>alert("x")</script><img src=x onerror='alert(1)'>&amp;`;

function parse(html: string) {
  const window = new Window();
  window.document.write(html);
  return window.document;
}

describe('opt-in page generator', () => {
  it('escapes a hostile store name everywhere it goes', () => {
    const html = buildOptInPage({ storeName: HOSTILE, storeUrl: 'https://shop.example.kr/' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain("onerror='");
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp;amp;');
    const doc = parse(html);
    // Exactly the SDK and our own script; the name is text, not markup.
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelector('h1')?.textContent).toContain(HOSTILE);
    expect(doc.title).toContain(HOSTILE);
  });

  it('asks only for friends and completes the login in the page: token by fetch, /v2/user/me through the SDK', () => {
    const html = buildOptInPage({ storeName: '주문톡상점' });
    expect(html).toContain(`var SCOPE = "friends"`);
    expect(html).not.toContain('talk_message');
    expect(html).not.toContain('카카오톡 메시지 전송');
    expect(html).toContain("url.searchParams.set('code_challenge_method', 'S256')");
    expect(html).toContain("fetch(AUTH + '/oauth/token'");
    expect(html).toContain("form.set('code_verifier', verifier)");
    expect(html).toContain('Kakao.Auth.setAccessToken(token)');
    expect(html).toContain("Kakao.API.request({ url: '/v2/user/me' })");
    expect(html).toContain("history.replaceState(null, '', redirectUri)");
    expect(html).toContain('var redirectUri = location.origin + location.pathname');
    expect(html).not.toContain('localStorage');
    expect(html).toContain(`var REST_KEY = "${REST_KEY_PLACEHOLDER}"`);
    expect(html).toContain(`var JS_KEY = "${JS_KEY_PLACEHOLDER}"`);
  });

  it('names the Kakao app the customer will see, and what else messages need', () => {
    const text = parse(buildOptInPage({ storeName: '주문톡상점', appName: '주문톡 알림' })).body.textContent ?? '';
    expect(text).toContain("'주문톡 알림' 앱이 보이고");
    expect(text).toContain('운영자와 카카오톡 친구여야 합니다');
    expect(text).toContain('프로필이 공개되어 있어야 합니다');
    expect(text).toContain('카카오계정 › 연결된 서비스 관리');
  });

  it('gives the exact console settings for a page address (https only)', () => {
    expect(staticPageConsoleSettings('https://shop.example.kr/kakao/optin.html?x=1')).toEqual({
      redirectUri: 'https://shop.example.kr/kakao/optin.html',
      webDomain: 'https://shop.example.kr',
    });
    expect(staticPageConsoleSettings('http://shop.example.kr/optin.html')).toBeNull();
    expect(staticPageConsoleSettings('not a url')).toBeNull();
  });

  it("loads Kakao's SDK from the official CDN with SRI", () => {
    const doc = parse(buildOptInPage({ storeName: 'a' }));
    const sdk = doc.querySelector('script[src]');
    expect(sdk?.getAttribute('src')).toBe(KAKAO_SDK_URL);
    expect(sdk?.getAttribute('src')).toBe('https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js');
    expect(sdk?.getAttribute('integrity')).toBe(KAKAO_SDK_INTEGRITY);
    expect(sdk?.getAttribute('crossorigin')).toBe('anonymous');
  });

  it('shows the customer notice with the store name and how to stop', () => {
    const doc = parse(buildOptInPage({ storeName: '주문톡상점' }));
    const text = doc.body.textContent ?? '';
    expect(text).toContain('주문톡상점 카카오톡 주문 알림 안내');
    expect(text).toContain('자동으로 보내지 않습니다');
    expect(text).toContain('그만 받으려면');
    expect(text).toContain('https://accounts.kakao.com/weblogin/account/partner');
    expect(doc.documentElement.getAttribute('lang')).toBe('ko');
  });

  it('inserts the REST and JavaScript keys only when they are 32 hex characters', () => {
    const key = 'abcdef0123456789abcdef0123456789';
    const rest = '0123456789abcdef0123456789abcdef';
    const good = buildOptInPage({ storeName: 'a', javascriptKey: key, restApiKey: rest });
    expect(good).toContain(`var JS_KEY = "${key}"`);
    expect(good).toContain(`var REST_KEY = "${rest}"`);
    const evil = buildOptInPage({ storeName: 'a', javascriptKey: '"); alert(1); ("', restApiKey: '"); alert(2); ("' });
    expect(evil).toContain(`var JS_KEY = "${JS_KEY_PLACEHOLDER}"`);
    expect(evil).toContain(`var REST_KEY = "${REST_KEY_PLACEHOLDER}"`);
    expect(evil).not.toContain('alert(1)');
    expect(evil).not.toContain('alert(2)');
  });

  it('links back to the store only over https', () => {
    expect(
      parse(buildOptInPage({ storeName: 'a', storeUrl: 'https://shop.example.kr/x?a=1&b="2"' }))
        .querySelector('a')
        ?.getAttribute('href'),
    ).toBe('https://shop.example.kr/x?a=1&b=%222%22');
    expect(buildOptInPage({ storeName: 'a', storeUrl: 'javascript:alert(1)' })).not.toContain('javascript:');
    expect(parse(buildOptInPage({ storeName: 'a', storeUrl: 'http://shop.example.kr' })).querySelector('a')).toBeNull();
  });

  it('leaves the scripts out of the screenshot preview', () => {
    const doc = parse(buildOptInPage({ storeName: 'a', preview: true }));
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('#kakao-login')).not.toBeNull();
  });

  it('falls back to a generic store name', () => {
    expect(parse(buildOptInPage({ storeName: '   ' })).querySelector('h1')?.textContent).toBe(
      '우리 스토어 카카오톡 주문 알림 안내',
    );
  });

  it('escapes helpers cover every dangerous character', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(scriptString('</script>\u2028&')).toBe('"\\u003c/script\\u003e\\u2028\\u0026"');
  });
});
