import puppeteer, { type Browser } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectProxy } from './connect-proxy';

export const FIREFOX_BUILD = path.resolve('.output/firefox-mv2');

export function firefoxPath(): string {
  const candidate = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(candidate)) {
    throw new Error(`Firefox not found at ${candidate}: run "sudo apt-get install firefox-esr" or set FIREFOX_PATH.`);
  }
  return candidate;
}

/**
 * Debian Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary add-on. Real
 * hostnames reach local HTTPS servers through a PAC file and a local CONNECT proxy.
 */
export async function launchFirefox(hosts: Record<string, number> = {}): Promise<{
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No build at ${FIREFOX_BUILD}: run "npm run build:firefox" first.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'ordertalk-firefox-'));
  const proxy = await startConnectProxy(hosts);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(proxy.pac)}`,
      'network.proxy.allow_hijacking_localhost': false,
      'intl.locale.requested': 'ko',
      'intl.accept_languages': 'ko-KR, ko',
      'network.stricttransportsecurity.preloadlist': false,
    },
    acceptInsecureCerts: true,
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    addonId,
    close: async () => {
      await browser.close();
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
