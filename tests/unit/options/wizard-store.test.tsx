import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { applySettingsPatch } from '@/utils/shared/settings-schema';
import { callsOf, installKorean, scriptBackground, wireError, type Script } from './support';
import { KEY, settings, signedIn } from './fixtures';

vi.mock('@/utils/pages/background-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/pages/background-client')>()),
  callBackground: vi.fn(),
}));

/** Signed in and consented; the store not yet described. */
function atStore(patch: Script = {}): Script {
  return {
    'settings.get': settings({ kakao: { restApiKey: KEY } }),
    'auth.state': signedIn(),
    'review.get': {},
    'settings.save': ({ patch }) => applySettingsPatch(settings({ kakao: { restApiKey: KEY } }), patch),
    ...patch,
  };
}

const DONE: Script = {
  'settings.get': settings({
    kakao: { restApiKey: KEY },
    store: { name: '상점', url: 'https://shop.kr/', linkDomains: ['shop.kr'] },
  }),
  'auth.state': signedIn(),
  'review.get': { sendToMeAt: 1, teamMemberAt: 2, noticeViewedAt: 3 },
};

beforeEach(() => {
  fakeBrowser.reset();
  installKorean();
});
afterEach(cleanup);

describe('options wizard', () => {
  it('opens where setup stopped and moves on with "다음", focusing the new step', async () => {
    scriptBackground(atStore());
    render(<OptionsApp />);
    await screen.findByTestId('options-section-store');
    expect(screen.getByTestId('wizard-step-store').getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('view-wizard').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('wizard-next'));
    await screen.findByTestId('options-section-test');
    expect(screen.queryByTestId('options-section-store')).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('section-test-h'));
    fireEvent.click(screen.getByTestId('wizard-prev'));
    await screen.findByTestId('options-section-store');
  });

  it('lets the operator jump to any step from the stepper', async () => {
    scriptBackground(atStore());
    render(<OptionsApp />);
    fireEvent.click(await screen.findByTestId('wizard-step-review'));
    await screen.findByTestId('options-section-review');
    expect(screen.getByTestId('wizard-next').textContent).toBe('마치고 전체 보기');
  });

  it('finishes into plain sections, and remembers the choice', async () => {
    scriptBackground(atStore());
    const { unmount } = render(<OptionsApp />);
    fireEvent.click(await screen.findByTestId('wizard-step-review'));
    fireEvent.click(await screen.findByTestId('wizard-next'));
    await screen.findByTestId('sections');
    for (const name of ['kakao', 'store', 'templates', 'custom-admin', 'test', 'notice', 'review', 'data']) {
      expect(screen.getByTestId(`options-section-${name}`)).toBeTruthy();
    }
    unmount();
    render(<OptionsApp />);
    await screen.findByTestId('sections');
  });

  it('shows plain sections once setup is complete, with the toggle back to the wizard', async () => {
    scriptBackground(DONE);
    render(<OptionsApp />);
    await screen.findByTestId('sections');
    expect(screen.getByTestId('setup-done').textContent).toContain('준비가 끝났어요');
    fireEvent.click(screen.getByTestId('view-wizard'));
    await screen.findByTestId('wizard');
    expect(screen.getByTestId('wizard-step-review').getAttribute('aria-current')).toBe('step');
  });

  it('shows the templates editor and the custom-admin form among the plain sections', async () => {
    scriptBackground(DONE);
    render(<OptionsApp />);
    const templates = await screen.findByTestId('options-section-templates');
    expect(templates.querySelector('h2')?.textContent).toBe('메시지 템플릿');
    expect(screen.getByTestId('template-new')).toBeTruthy();
    const custom = screen.getByTestId('options-section-custom-admin');
    expect(custom.querySelector('[data-testid="custom-row"]')).toBeTruthy();
    expect(custom.querySelector('[data-testid="custom-field-orderNo"]')).toBeTruthy();
  });
});

describe('options: store step', () => {
  it('rejects a non-https store URL in Korean', async () => {
    scriptBackground(atStore());
    render(<OptionsApp />);
    fireEvent.input(await screen.findByTestId('store-url'), { target: { value: 'http://shop.kr' } });
    await waitFor(() =>
      expect(document.getElementById('store-url-help')?.textContent).toBe('https:// 로 시작하는 주소를 넣어 주세요.'),
    );
    expect((screen.getByTestId('store-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves name, URL, link domains and admins without touching the Kakao key', async () => {
    scriptBackground(atStore());
    render(<OptionsApp />);
    fireEvent.input(await screen.findByTestId('store-name'), { target: { value: ' 주문톡상점 ' } });
    fireEvent.input(screen.getByTestId('store-url'), { target: { value: 'https://smartstore.naver.com/ot' } });
    await screen.findByTestId('store-domain-uncovered');
    fireEvent.click(screen.getByTestId('store-domain-add'));
    await waitFor(() =>
      expect((screen.getByTestId('store-link-domains') as HTMLInputElement).value).toBe('smartstore.naver.com'),
    );
    expect(screen.queryByTestId('store-domain-uncovered')).toBeNull();
    fireEvent.click(screen.getByTestId('admin-cafe24'));
    fireEvent.click(screen.getByTestId('admin-custom'));
    fireEvent.click(screen.getByTestId('store-save'));
    await waitFor(() => expect(screen.getByTestId('store-status').textContent).toBe('저장했어요'));
    // Only what this screen changed: the two switches flipped, not a copy of every setting.
    expect(callsOf('settings.save')).toEqual([
      {
        patch: {
          store: {
            name: '주문톡상점',
            url: 'https://smartstore.naver.com/ot',
            linkDomains: ['smartstore.naver.com'],
            admins: { cafe24: false, custom: true },
          },
        },
      },
    ]);
  });

  it("shows the background's validation error inline", async () => {
    scriptBackground(
      atStore({
        'settings.save': wireError('invalid-settings', '설정 값이 올바르지 않아요.', {
          fixKo: '스토어 주소를 확인해 주세요.',
        }),
      }),
    );
    render(<OptionsApp />);
    fireEvent.input(await screen.findByTestId('store-name'), { target: { value: '상점' } });
    fireEvent.click(screen.getByTestId('store-save'));
    await waitFor(() =>
      expect(screen.getByTestId('store-status').textContent).toBe(
        '설정 값이 올바르지 않아요. 스토어 주소를 확인해 주세요.',
      ),
    );
  });

  it('flags malformed link domains', async () => {
    scriptBackground(atStore());
    render(<OptionsApp />);
    fireEvent.input(await screen.findByTestId('store-link-domains'), { target: { value: 'shop.kr, nodot' } });
    await waitFor(() => expect(document.getElementById('store-link-domains-help')?.textContent).toContain('nodot'));
    expect((screen.getByTestId('store-save') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('options in English', () => {
  it('renders the wizard in English', async () => {
    const { installLanguage } = await import('./support');
    installLanguage('en');
    scriptBackground(atStore());
    render(<OptionsApp />);
    await screen.findByTestId('options-section-store');
    expect(screen.getByTestId('options-title').textContent).toBe('OrderTalk settings');
    expect(screen.getByTestId('wizard-next').textContent).toBe('Next');
    expect(screen.getByTestId('view-wizard').textContent).toBe('Step by step');
  });
});
