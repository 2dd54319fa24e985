import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from '../support/firefox';
import { startSiteServer, type SiteServer } from '../support/site-server';
import { GECKO_ID } from '@/utils/shared/extension-identity';

// Install and content scripts; the extension pages' flows are in the other firefox-*.test.ts files.
describe('Firefox build (temporary add-on in Firefox ESR)', () => {
  let site: SiteServer;
  let ff: Awaited<ReturnType<typeof launchFirefox>>;

  beforeAll(async () => {
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ff = await launchFirefox({ 'sell.smartstore.naver.com': site.port });
  });
  afterAll(async () => {
    await ff?.close();
    await site?.close();
  });

  it('installs with the fixed gecko id', () => {
    expect(ff.addonId).toBe(GECKO_ID);
  });

  it('runs the content script inside the seller center order iframe', async () => {
    const page = await ff.browser.newPage();
    await page.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    const frameHandle = await page.waitForSelector('#__delegate');
    const frame = (await frameHandle!.contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.dataset.ordertalk === 'ready', { timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.ordertalk ?? null)).toBeNull();
    await page.close();
  });
});
