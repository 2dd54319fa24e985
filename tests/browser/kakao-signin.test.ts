import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, screenshotPath, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';
import { approveInAuthWindow, evaluateInContentScript } from '../support/kakao-browser';
import { startEmulator, type Emulator } from '../kakao-emulator/client';

const KEY = '0123456789abcdef0123456789abcdef';

describe('Kakao sign-in and sending from the real Chrome build (emulated Kakao)', () => {
  let emu: Emulator;
  let site: SiteServer;
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    emu = await startEmulator({ scenario: 'basic' });
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ext = await launchExtension({ ...emu.hostMap, 'sell.smartstore.naver.com': site.port });
    options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await emu?.close();
  });

  it('rejects a malformed REST API key in Korean and shows the exact redirect URIs', async () => {
    await options.getByTestId('kakao-rest-key').fill('not-a-key');
    await expect.poll(() => options.locator('#rest-key-help').textContent()).toContain('32자리');
    expect(await options.getByTestId('settings-save').isDisabled()).toBe(true);
    expect(await options.getByTestId('redirect-uri-chrome').textContent()).toBe(
      `https://${ext.extensionId}.chromiumapp.org/kakao`,
    );
    expect(await options.getByTestId('redirect-uri-firefox').textContent()).toMatch(
      /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/kakao$/,
    );
  });

  it('explains KOE006 when the redirect URI is not registered', async () => {
    const s = (await import('../kakao-emulator/client')).loadScenario('basic');
    s.apps[0]!.redirectUris = ['https://elsewhere.example/cb'];
    await emu.control.loadScenario(s);
    await options.getByTestId('kakao-rest-key').fill(KEY);
    await options.getByTestId('settings-save').click();
    await expect.poll(() => options.getByTestId('kakao-status').textContent()).toBe('저장했어요');
    // Chrome does not even show the window for Kakao's error page; the background then asks kauth why.
    await options.getByTestId('check-connection').click();
    await expect
      .poll(() => options.getByTestId('kakao-status').textContent(), { timeout: 15_000 })
      .toContain(`https://${ext.extensionId}.chromiumapp.org/kakao`);
    expect(await options.getByTestId('kakao-status').textContent()).toContain('Redirect URI');
  });

  it('restores the registered redirect URIs', async () => {
    await emu.control.reset();
  });

  it('signs in through launchWebAuthFlow with the consent page clicked through', async () => {
    await approveInAuthWindow(ext.context, 1, () => options.getByTestId('check-connection').click());
    await expect.poll(() => options.getByTestId('kakao-status').textContent(), { timeout: 15_000 }).toContain('운영자');
  });

  it('asks for the missing friends consent from the popup, then reads the friends list', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByTestId('signed-in-nickname').textContent()).toBe('운영자');
    await approveInAuthWindow(ext.context, 1, () => popup.getByTestId('consent-grant').click());
    await expect.poll(() => popup.getByTestId('friends-count').textContent(), { timeout: 15_000 }).toBe('2');
    expect(await popup.getByTestId('consent-grant').count()).toBe(0);
    expect(await popup.getByTestId('quota-left').textContent()).toContain('100');
    await popup.setViewportSize({ width: 372, height: 520 });
    await popup.screenshot({ path: screenshotPath('popup.png') });
    await popup.close();
  });

  it('sends a test text message that the emulator records', async () => {
    await options.reload();
    await options.getByTestId('view-sections').click();
    await options.getByTestId('send-to-me').click();
    await expect.poll(() => options.getByTestId('send-to-me-passed').count(), { timeout: 15_000 }).toBe(1);
    const deliveries = await emu.control.deliveries();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ kind: 'memo', senderId: 1, templateObject: { object_type: 'text' } });
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
  });

  it('keeps tokens where only the background reaches them', async () => {
    const tokens = [...emu.world.access.keys(), ...emu.world.refresh.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    // An extension page sees storage.local: only ciphertext there.
    const local = JSON.stringify(
      await options.evaluate(() =>
        (
          globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }
        ).chrome.storage.local.get(null),
      ),
    );
    for (const t of tokens) expect(local).not.toContain(t);
    // A content script on a store page: storage.local has no token, storage.session is closed to it.
    const store = await ext.context.newPage();
    await store.goto('https://sell.smartstore.naver.com/o/v3/manage/order');
    await expect.poll(() => store.locator('html').getAttribute('data-ordertalk')).toBe('ready');
    const seen = await evaluateInContentScript(
      store,
      ext.extensionId,
      `(async () => ({ local: JSON.stringify(await chrome.storage.local.get(null)), session: await chrome.storage.session.get(null).then(JSON.stringify, (e) => 'denied: ' + e.message) }))()`,
    );
    const { local: csLocal, session } = seen as { local: string; session: string };
    for (const t of tokens) {
      expect(csLocal).not.toContain(t);
      expect(session).not.toContain(t);
    }
    expect(session).toMatch(/denied|^\{\}$/);
    // The page itself (main world) has no extension storage at all.
    expect(await store.evaluate(() => typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage)).toBe(
      'undefined',
    );
    await store.close();
  });
});
