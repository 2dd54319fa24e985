import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROME_BUILD = path.resolve('.output/chrome-mv3');

/**
 * Where a browser test puts a screenshot named `name`: docs/screenshots (the README's pictures) only under
 * `npm run screenshots` (ORDERTALK_SCREENSHOTS=1), otherwise the git-ignored test-output/screenshots, so
 * `npm test` leaves the working tree as it found it. Playwright creates the folders.
 */
export function screenshotPath(name: string): string {
  return path.join(process.env.ORDERTALK_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-output/screenshots', name);
}

export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`Chromium not found at ${candidate}: run "sudo apt-get install chromium" or set CHROMIUM_PATH.`);
  }
  return candidate;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  extensionUrl(page: string): string;
  /** The options tab the first install opened (utils/background/first-install.ts), when kept. */
  firstInstallTab?: Page;
  close(): Promise<void>;
}

/**
 * A fresh install opens the options page by itself (the setup wizard). Tests that count or wait for pages
 * would see that tab at a random moment, so it is put away once it has opened, unless `keep`.
 */
async function settleFirstInstallTab(
  context: BrowserContext,
  extensionId: string,
  keep: boolean,
): Promise<Page | undefined> {
  const isOptions = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  // A new tab's URL is set only after its 'page' event: look at the open tabs until one shows options.
  let tab: Page | undefined;
  for (const end = Date.now() + 10_000; !tab && Date.now() < end;) {
    tab = context.pages().find(isOptions);
    if (!tab) await new Promise((r) => setTimeout(r, 100));
  }
  // Chromium opened it in its first tab: blank that tab again rather than leave the browser without one.
  if (tab && !keep) await (context.pages().length > 1 ? tab.close() : tab.goto('about:blank'));
  return keep ? tab : undefined;
}

/**
 * Launches Debian Chromium with the production build loaded (never the -dev build). `hosts` maps real
 * hostnames (kauth.kakao.com, sell.smartstore.naver.com, …) to local HTTPS ports, so the shipped build is
 * what gets tested.
 */
export async function launchExtension(
  hosts: Record<string, number> = {},
  { locale = 'ko-KR', build = CHROME_BUILD, headless = true, keepFirstInstallTab = false } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(build, 'manifest.json'))) {
    throw new Error(`No build at ${build}: run "npm run build" first.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'ordertalk-chromium-'));
  const rules = Object.entries(hosts).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless,
    locale,
    // Chromium on Linux takes its UI language (and so chrome.i18n's) from LANGUAGE, not from --lang.
    env: { ...process.env, LANGUAGE: locale.split('-')[0]!, LANG: `${locale.replace('-', '_')}.UTF-8` },
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      ...(rules.length ? [`--host-resolver-rules=${rules.join(', ')}, EXCLUDE localhost`] : []),
    ],
  });
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const firstInstallTab = await settleFirstInstallTab(context, extensionId, keepFirstInstallTab);
  return {
    firstInstallTab,
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
