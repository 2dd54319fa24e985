import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchExtension, type ExtensionBrowser, CHROME_BUILD } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';
import { chromeExtensionId } from '@/utils/shared/extension-identity';

describe('Chrome build (production, unpacked)', () => {
  let site: SiteServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ext = await launchExtension({ 'sell.smartstore.naver.com': site.port });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('loads with the fixed id that Kakao redirect URIs are registered for', async () => {
    expect(ext.extensionId).toBe(await chromeExtensionId());
    const manifest = JSON.parse(readFileSync(`${CHROME_BUILD}/manifest.json`, 'utf8'));
    expect(manifest.key).toBeTruthy();
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    // Minimal permissions: Kakao's two hosts; any other site only when the operator grants it, one at a time.
    expect(manifest.permissions).toEqual(['storage', 'identity', 'scripting']);
    expect(manifest.host_permissions).toEqual(['https://kauth.kakao.com/*', 'https://kapi.kakao.com/*']);
    const firefox = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
    expect(firefox.permissions).toEqual([
      'storage',
      'identity',
      'scripting',
      'https://kauth.kakao.com/*',
      'https://kapi.kakao.com/*',
    ]);
    expect(firefox.optional_permissions).toEqual(['https://*/*']);
    // The browser's own pages stay the browser's: an entrypoint named "history" once replaced chrome://history.
    expect(manifest.chrome_url_overrides).toBeUndefined();
    expect(firefox.chrome_url_overrides).toBeUndefined();
  });

  it('shows the popup in Korean with the real name and icon', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('popup.html'));
    await expect.poll(() => page.getByTestId('popup-title').textContent()).toBe('OrderTalk 주문톡');
    await expect.poll(() => page.locator('body').innerText()).toContain('카카오톡');
    const iconLoaded = await page.locator('header img').evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(iconLoaded).toBe(48);
    await page.close();
  });

  it('shows the options page in Korean', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await expect.poll(() => page.getByTestId('options-title').textContent()).toBe('OrderTalk 주문톡 설정');
    await page.close();
  });

  it('runs the content script inside the seller center order iframe, not in the shell', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    const frame = page.frameLocator('#__delegate');
    await expect.poll(() => frame.locator('html').getAttribute('data-ordertalk'), { timeout: 10_000 }).toBe('ready');
    expect(await page.locator('html').getAttribute('data-ordertalk')).toBeNull();
    await page.close();
  });
});
