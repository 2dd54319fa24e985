import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { OptInForms } from '@/components/options/notice/OptInForms';
import { tomlString, workerRedirectUri, wranglerVars } from '@/components/options/notice/worker-config';
import { installKorean } from '../options/support';

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
