import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { buildMinVersion, firefoxPath, firefoxTooOld, launchFirefox } from '../support/firefox';
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

  it('accepts every supported Firefox ESR (140 and 153) and the installed one', () => {
    // 140.0: data_collection_permissions, the newest manifest key the build uses, needs desktop Firefox 140.
    const min = buildMinVersion();
    expect(min).toBe('140.0');
    for (const esr of ['Mozilla Firefox 140.0esr', 'Mozilla Firefox 153.0esr'])
      expect(firefoxTooOld(esr, min, 'firefox-esr')).toBeNull();
    const installed = execFileSync(firefoxPath(), ['--version'], { encoding: 'utf8' });
    expect(firefoxTooOld(installed, min, firefoxPath())).toBeNull();
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
