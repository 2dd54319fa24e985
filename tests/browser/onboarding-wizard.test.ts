import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, screenshotPath, type ExtensionBrowser } from '../support/chromium';
import { startEmulator, type Emulator } from '../kakao-emulator/client';
import { approveInAuthWindow } from '../support/kakao-browser';

// A new operator, fresh install, through the wizard to a first delivered test message.
describe('onboarding wizard on the real Chrome build (emulated Kakao)', () => {
  let emu: Emulator;
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    emu = await startEmulator({ scenario: 'basic' });
    ext = await launchExtension(emu.hostMap);
    options = await ext.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
  });
  afterAll(async () => {
    await ext?.close();
    await emu?.close();
  });

  it('opens as a wizard on the Kakao app step and walks to a first test message', async () => {
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('wizard').waitFor();
    expect(await options.getByTestId('wizard-step-kakao').getAttribute('aria-current')).toBe('step');
    await options.screenshot({ path: screenshotPath('options-1-kakao.png'), fullPage: true });
    await options.getByTestId('kakao-rest-key').fill('0123456789abcdef0123456789abcdef');
    await options.getByTestId('settings-save').click();
    await expect.poll(() => options.getByTestId('kakao-status').textContent()).toBe('저장했어요');
    await approveInAuthWindow(ext.context, 1, () => options.getByTestId('check-connection').click());
    await expect.poll(() => options.getByTestId('kakao-status').textContent(), { timeout: 15_000 }).toContain('운영자');

    await options.getByTestId('wizard-next').click();
    await options.getByTestId('store-name').fill('하늘상점');
    await options.getByTestId('store-url').fill('https://smartstore.naver.com/haneul');
    await options.getByTestId('store-link-domains').fill('smartstore.naver.com');
    await options.getByTestId('store-save').click();
    await expect.poll(() => options.getByTestId('store-status').textContent()).toMatch(/\S/);
    await options.screenshot({ path: screenshotPath('options-2-store.png'), fullPage: true });

    await options.getByTestId('wizard-next').click();
    await options.getByTestId('send-to-me').click();
    await expect.poll(() => options.getByTestId('send-to-me-passed').count(), { timeout: 15_000 }).toBe(1);
    await options.screenshot({ path: screenshotPath('options-3-test.png'), fullPage: true });
    expect(await emu.control.deliveries()).toEqual([expect.objectContaining({ kind: 'memo', receiverId: 1 })]);

    for (const [i, name] of [
      [4, 'notice'],
      [5, 'review'],
    ] as const) {
      await options.getByTestId('wizard-next').click();
      await options.screenshot({ path: screenshotPath(`options-${i}-${name}.png`), fullPage: true });
    }
  });

  it('the popup then shows the operator, consents and today’s quota', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByTestId('signed-in-nickname').textContent()).toBe('운영자');
    await expect.poll(() => popup.getByTestId('quota-left').textContent()).toContain('100');
    await popup.close();
  });
});
