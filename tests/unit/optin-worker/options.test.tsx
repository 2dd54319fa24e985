import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { OptInForms } from '@/components/options/notice/OptInForms';
import { tomlString, workerRedirectUri, wranglerVars } from '@/components/options/notice/worker-config';
import { installKorean } from '../options/support';
import * as download from '@/components/ui/download';

const KEY = '0123456789abcdef0123456789abcdef';

describe('opt-in Worker settings', () => {
  it('turns what the operator typed into the callback redirect URI, refusing what is not https', () => {
    expect(workerRedirectUri('ordertalk-optin.me.workers.dev')).toBe('https://ordertalk-optin.me.workers.dev/callback');
    expect(workerRedirectUri(' https://ordertalk-optin.me.workers.dev/ ')).toBe(
      'https://ordertalk-optin.me.workers.dev/callback',
    );
    expect(workerRedirectUri('https://optin.example.com/some/path?x=1')).toBe('https://optin.example.com/callback');
    expect(workerRedirectUri('http://ordertalk-optin.me.workers.dev')).toBeNull();
    expect(workerRedirectUri('https://user:pw@optin.example.com')).toBeNull();
    expect(workerRedirectUri('localhost')).toBeNull();
    expect(workerRedirectUri('')).toBeNull();
  });

  it('writes [vars] as TOML strings that survive quotes, backslashes and new lines', () => {
    expect(tomlString('a "b" \\ c\nd\u0001')).toBe('"a \\"b\\" \\\\ c\\nd\\u0001"');
    const vars = wranglerVars({
      restApiKey: KEY,
      appName: '하늘상점 알림',
      storeName: '하늘 "상점"',
      storeUrl: 'https://smartstore.naver.com/haneul',
      noticeText: '첫 줄\n둘째 줄',
    });
    expect(vars.split('\n')).toEqual([
      '[vars]',
      `KAKAO_REST_API_KEY = "${KEY}"`,
      'KAKAO_APP_NAME = "하늘상점 알림"',
      'STORE_NAME = "하늘 \\"상점\\""',
      'STORE_URL = "https://smartstore.naver.com/haneul"',
      'NOTICE_TEXT = "첫 줄\\n둘째 줄"',
    ]);
    expect(vars).not.toContain('CLIENT_SECRET');
  });
});

describe('options: the two opt-in forms', () => {
  beforeEach(installKorean);
  afterEach(cleanup);

  it('recommends the Worker: redirect URI from the typed address, [vars] without a secret; static keeps the download', () => {
    render(<OptInForms restApiKey={KEY} storeName="하늘상점" storeUrl="" noticeText="안내문" />);
    const form = screen.getByTestId('optin-form') as HTMLSelectElement;
    expect(form.value).toBe('worker');
    expect(screen.queryByTestId('optin-redirect-uri')).toBeNull();
    fireEvent.input(screen.getByTestId('optin-worker-url'), { target: { value: 'ordertalk-optin.me.workers.dev' } });
    expect(screen.getByTestId('optin-redirect-uri').textContent).toBe(
      'https://ordertalk-optin.me.workers.dev/callback',
    );
    const vars = screen.getByTestId('optin-wrangler-vars').textContent ?? '';
    expect(vars).toContain(`KAKAO_REST_API_KEY = "${KEY}"`);
    expect(vars).toContain('KAKAO_APP_NAME = "하늘상점"'); // defaults to the store name
    expect(vars).not.toContain('KAKAO_CLIENT_SECRET');
    expect(screen.getByTestId('optin-worker').textContent).toContain('wrangler@4.60.0 secret put KAKAO_CLIENT_SECRET');
    expect(screen.queryByTestId('optin-download')).toBeNull();

    fireEvent.change(form, { target: { value: 'static' } });
    expect(screen.getByTestId('optin-download')).toBeTruthy();
    expect(screen.queryByTestId('optin-worker')).toBeNull();
  });
});

describe('options: the static page form', () => {
  beforeEach(installKorean);
  afterEach(cleanup);

  it('is labelled as relying on undocumented behaviour and gives the exact console settings for its address', () => {
    render(<OptInForms restApiKey={KEY} storeName="하늘상점" storeUrl="" noticeText="안내문" />);
    fireEvent.change(screen.getByTestId('optin-form'), { target: { value: 'static' } });
    expect(screen.getByTestId('optin-static-warning').textContent).toContain('카카오가 문서로 보장하지 않는 동작');
    const steps = screen.getByTestId('optin-static-console').textContent ?? '';
    expect(steps).toContain('클라이언트 시크릿 OFF');
    expect(screen.queryByTestId('optin-static-redirect-uri')).toBeNull();
    fireEvent.input(screen.getByTestId('optin-static-page-url'), {
      target: { value: 'https://shop.example.kr/kakao/optin.html' },
    });
    expect(screen.getByTestId('optin-static-redirect-uri').textContent).toBe(
      'https://shop.example.kr/kakao/optin.html',
    );
    expect(screen.getByTestId('optin-static-web-domain').textContent).toBe('https://shop.example.kr');
    fireEvent.input(screen.getByTestId('optin-static-page-url'), { target: { value: 'http://shop.example.kr/x' } });
    expect(screen.queryByTestId('optin-static-redirect-uri')).toBeNull();
    expect(screen.getByTestId('optin-static').textContent).toContain('https://로 시작하는 전체 주소');
  });

  it('downloads the page with its own REST key and the JavaScript key; refuses malformed keys', () => {
    const spy = vi.spyOn(download, 'downloadText').mockImplementation(() => undefined);
    render(<OptInForms restApiKey={KEY} storeName="하늘상점" storeUrl="" noticeText="안내문" />);
    fireEvent.change(screen.getByTestId('optin-form'), { target: { value: 'static' } });
    fireEvent.input(screen.getByTestId('optin-static-rest-key'), { target: { value: 'not-a-key' } });
    expect((screen.getByTestId('optin-download') as HTMLButtonElement).disabled).toBe(true);
    const pageKey = 'fedcba9876543210fedcba9876543210';
    const jsKey = 'abcdef0123456789abcdef0123456789';
    fireEvent.input(screen.getByTestId('optin-static-rest-key'), { target: { value: pageKey } });
    fireEvent.input(screen.getByTestId('optin-js-key'), { target: { value: jsKey } });
    fireEvent.click(screen.getByTestId('optin-download'));
    expect(spy).toHaveBeenCalledTimes(1);
    const [name, html] = spy.mock.calls[0]!;
    expect(name).toBe('ordertalk-kakao-optin.html');
    expect(html).toContain(`var REST_KEY = "${pageKey}"`);
    expect(html).toContain(`var JS_KEY = "${jsKey}"`);
    expect(html).not.toContain(KEY); // the operator's own REST key is not the page's
  });
});
