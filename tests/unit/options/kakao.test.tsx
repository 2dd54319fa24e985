import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { chromeRedirectUri, firefoxRedirectUri } from '@/utils/shared/extension-identity';
import { applySettingsPatch } from '@/utils/shared/settings-schema';
import { callsOf, installKorean, scriptBackground, wireError, type Script } from './support';
import { auth, KEY, settings, signedIn } from './fixtures';

vi.mock('@/utils/pages/background-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/pages/background-client')>()),
  callBackground: vi.fn(),
}));

/** A fresh install: no key, nothing done. */
function fresh(patch: Script = {}): Script {
  return {
    'settings.get': settings(),
    'auth.state': auth({ configured: false, missingScopes: [] }),
    'review.get': {},
    'settings.save': ({ patch }) => applySettingsPatch(settings(), patch),
    ...patch,
  };
}

const keyInput = () => screen.findByTestId('kakao-rest-key') as Promise<HTMLInputElement>;

beforeEach(() => {
  fakeBrowser.reset();
  installKorean();
});
afterEach(cleanup);

describe('options: Kakao app step', () => {
  it('opens the wizard on the Kakao step for a fresh install', async () => {
    scriptBackground(fresh());
    render(<OptionsApp />);
    await keyInput();
    expect(screen.getByTestId('wizard')).toBeTruthy();
    expect(screen.getByTestId('options-section-kakao')).toBeTruthy();
    expect(screen.queryByTestId('options-section-store')).toBeNull();
    expect(screen.getByTestId('wizard-step-kakao').getAttribute('aria-current')).toBe('step');
  });

  it('refuses to save an empty key with a Korean format error', async () => {
    scriptBackground(fresh());
    render(<OptionsApp />);
    await keyInput();
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(document.getElementById('rest-key-help')?.textContent).toContain('32자리'));
    expect(document.getElementById('rest-key-help')?.className).toContain('ot-error');
    expect(screen.getByTestId('kakao-rest-key').getAttribute('aria-invalid')).toBe('true');
    expect(callsOf('settings.save')).toHaveLength(0);
  });

  it('checks the key as it is typed and disables saving', async () => {
    scriptBackground(fresh());
    render(<OptionsApp />);
    fireEvent.input(await keyInput(), { target: { value: 'not-a-key' } });
    await waitFor(() => expect(document.getElementById('rest-key-help')?.textContent).toContain('32자리'));
    expect(document.getElementById('rest-key-help')?.textContent).toContain('9자');
    expect((screen.getByTestId('settings-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves a valid key and a write-only client secret', async () => {
    let state = auth({ configured: false, missingScopes: [] });
    scriptBackground(
      fresh({
        'auth.state': () => state,
        'settings.setClientSecret': () => {
          state = auth({ hasClientSecret: true });
          return { ok: true };
        },
      }),
    );
    render(<OptionsApp />);
    fireEvent.input(await keyInput(), { target: { value: ` ${KEY} ` } });
    const secret = screen.getByTestId('kakao-client-secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    fireEvent.input(secret, { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('kakao-status').textContent).toBe('저장했어요'));
    expect(callsOf('settings.save')).toEqual([{ patch: { kakao: { restApiKey: KEY } } }]);
    expect(callsOf('settings.setClientSecret')).toEqual([{ secret: 's3cret' }]);
    // Never shown again; the page only learns that one is set.
    expect(secret.value).toBe('');
    expect(document.getElementById('client-secret-help')?.textContent).toContain('저장된 Client Secret이 있어요');
  });

  it('shows the exact redirect URIs for both browsers with copy buttons', async () => {
    scriptBackground(fresh());
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<OptionsApp />);
    const chrome = await screen.findByTestId('redirect-uri-chrome');
    expect(chrome.textContent).toBe(await chromeRedirectUri());
    expect(screen.getByTestId('redirect-uri-firefox').textContent).toBe(await firefoxRedirectUri());
    fireEvent.click(screen.getByTestId('redirect-uri-chrome-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(chrome.textContent));
    await screen.findByText('복사했어요');
  });

  it("also shows the running build's redirect URI when it differs", async () => {
    scriptBackground(fresh());
    (fakeBrowser.identity as unknown as { getRedirectURL: (p: string) => string }).getRedirectURL = (p) =>
      `https://storeassignedid.chromiumapp.org/${p}`;
    render(<OptionsApp />);
    expect((await screen.findByTestId('redirect-uri-running')).textContent).toBe(
      'https://storeassignedid.chromiumapp.org/kakao',
    );
  });

  it('lists the consent items with their console names and the link domain', async () => {
    scriptBackground(fresh({ 'settings.get': settings({ store: { url: 'https://smartstore.naver.com/ot' } }) }));
    render(<OptionsApp />);
    await keyInput();
    expect(screen.getByTestId('consent-item-friends').textContent).toContain('카카오 서비스 내 친구목록');
    expect(screen.getByTestId('consent-item-talk_message').textContent).toContain('카카오톡 메시지 전송');
    expect(screen.getByTestId('consent-item-profile_nickname').textContent).toContain('닉네임');
    expect(screen.getByTestId('link-domain-guide').textContent).toContain('smartstore.naver.com');
  });

  it('explains KOE006 with the URI to register (Korean text + fix)', async () => {
    const uri = await chromeRedirectUri();
    scriptBackground(
      fresh({
        'settings.get': settings({ kakao: { restApiKey: KEY } }),
        'auth.state': auth(),
        'auth.signIn': wireError('KOE006', '등록되지 않은 Redirect URI예요.', {
          fixKo: `카카오 디벨로퍼스 콘솔에서 REST API 키의 Redirect URI에 아래 주소를 정확히 등록해 주세요. ${uri}`,
        }),
      }),
    );
    render(<OptionsApp />);
    fireEvent.click(await screen.findByTestId('check-connection'));
    await waitFor(() => expect(screen.getByTestId('kakao-status').textContent).toContain(uri));
    expect(screen.getByTestId('kakao-status').textContent).toContain('등록되지 않은 Redirect URI예요.');
    expect(screen.getByTestId('kakao-status').className).toContain('ot-error');
  });

  it('signs in with "연결 확인" and offers the missing consents', async () => {
    scriptBackground(
      fresh({
        'settings.get': settings({ kakao: { restApiKey: KEY } }),
        'auth.state': auth(),
        'auth.signIn': signedIn({ missingScopes: ['friends'] }),
        'auth.requestConsent': signedIn(),
      }),
    );
    render(<OptionsApp />);
    fireEvent.click(await screen.findByTestId('check-connection'));
    await waitFor(() => expect(screen.getByTestId('kakao-status').textContent).toContain('연결됐어요: 운영자'));
    fireEvent.click(screen.getByTestId('options-consent-grant'));
    await waitFor(() => expect(callsOf('auth.requestConsent')).toEqual([{ scopes: ['friends'] }]));
    await waitFor(() => expect(screen.queryByTestId('options-consent-grant')).toBeNull());
  });

  it('keeps the check disabled until a key is saved', async () => {
    scriptBackground(fresh());
    render(<OptionsApp />);
    expect(((await screen.findByTestId('check-connection')) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('options without a background', () => {
  it('shows every section with an inline error when nothing answers', async () => {
    vi.mocked((await import('@/utils/pages/background-client')).callBackground).mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    render(<OptionsApp />);
    const error = await screen.findByTestId('options-load-error');
    expect(error.textContent).toContain('백그라운드가 응답하지 않아요');
    // Said once, not three times.
    expect(error.querySelectorAll('p')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('Receiving end');
    expect(await screen.findByTestId('kakao-rest-key')).toBeTruthy();
    expect(await screen.findByTestId('redirect-uri-chrome')).toBeTruthy();
    // Saving now would overwrite unseen settings with defaults: refused with a reason.
    fireEvent.input(screen.getByTestId('kakao-rest-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('kakao-status').textContent).toContain('설정을 불러오지 못해서'));
    // Every section still renders in the plain view.
    fireEvent.click(screen.getByTestId('view-sections'));
    for (const name of ['kakao', 'store', 'templates', 'custom-admin', 'test', 'notice', 'review', 'data']) {
      expect(screen.getByTestId(`options-section-${name}`)).toBeTruthy();
    }
  });

  it('stops waiting for a background that never answers', async () => {
    scriptBackground({ 'settings.get': 'pending', 'auth.state': 'pending', 'review.get': 'pending' });
    render(<OptionsApp loadTimeoutMs={30} />);
    expect(screen.getByTestId('options-title').textContent).toBe('OrderTalk 주문톡 설정');
    expect(await screen.findByTestId('options-load-error')).toBeTruthy();
    expect(await screen.findByTestId('kakao-rest-key')).toBeTruthy();
  });

  it('retries loading on request', async () => {
    let up = false;
    scriptBackground(
      fresh({
        'settings.get': () => {
          if (!up) throw wireError('internal', '처리 중 오류가 발생했어요.');
          return settings({ kakao: { restApiKey: KEY } });
        },
      }),
    );
    render(<OptionsApp />);
    await screen.findByTestId('options-load-error');
    await screen.findByTestId('kakao-rest-key');
    up = true;
    fireEvent.click(screen.getByTestId('options-retry'));
    await waitFor(() => expect(screen.queryByTestId('options-load-error')).toBeNull());
    await waitFor(() => expect((screen.getByTestId('kakao-rest-key') as HTMLInputElement).value).toBe(KEY));
  });
});
