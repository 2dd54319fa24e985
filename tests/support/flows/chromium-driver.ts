import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchExtension, screenshotPath } from '../chromium';
import { approveInAuthWindow } from '../kakao-browser';
import { startSiteServer } from '../site-server';
import { startEmulator } from '../../kakao-emulator/client';
import { chromeRedirectUri } from '@/utils/shared/extension-identity';
import { waitUntil, type Driver, type DriverOptions, type Lang, type Ui } from './driver';

export function flowScreenshot(browserName: string, lang: Lang, name: string): string {
  const file = screenshotPath(path.join('flows', `${browserName}-${lang}-${name}.png`));
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

function playwrightUi(root: Page | Frame, page: Page, shot: (name: string) => string): Ui {
  const at = (selector: string, nth = 0) => root.locator(selector).nth(nth);
  const ifPresent = async <T>(selector: string, nth: number, read: () => Promise<T>): Promise<T | null> =>
    (await root.locator(selector).count()) > nth ? read() : null;
  return {
    click: (s, o) => at(s, o?.nth).click(),
    dblclick: (s, o) => at(s, o?.nth).dblclick(),
    clickWithin: (scope, scopeText, target, targetText) =>
      root
        .locator(scope, { hasText: scopeText })
        .first()
        .locator(target, targetText ? { hasText: targetText } : {})
        .first()
        .click(),
    fill: (s, v) => at(s).fill(v),
    check: (s, o) => at(s, o?.nth).check(),
    select: async (s, v) => void (await at(s).selectOption(v)),
    text: (s, o) => ifPresent(s, o?.nth ?? 0, () => at(s, o?.nth).textContent({ timeout: 2000 })),
    texts: (s) => root.locator(s).allTextContents(),
    attr: (s, n, o) => ifPresent(s, o?.nth ?? 0, () => at(s, o?.nth).getAttribute(n, { timeout: 2000 })),
    attrs: (s, n) => root.locator(s).evaluateAll((els, name) => els.map((e) => e.getAttribute(name)), n),
    count: (s) => root.locator(s).count(),
    disabled: (s, o) => at(s, o?.nth).isDisabled(),
    evaluate: (fn, arg) => root.evaluate(fn as never, arg) as never,
    frame: async (part) => {
      const frame = await waitUntil(
        async () => page.frames().find((f) => f.url().includes(part)),
        (f) => !!f,
        { what: `frame ${part}` },
      );
      return playwrightUi(frame!, page, shot);
    },
    url: async () => root.url(),
    reload: async () => void (await page.reload()),
    screenshot: async (name) => void (await page.screenshot({ path: shot(name), fullPage: true })),
    close: () => page.close(),
  };
}

/** Debian Chromium with the Chrome build (tests/support/chromium.ts), driven by playwright-core. */
export async function startChromiumDriver(opts: DriverOptions): Promise<Driver> {
  const lang = opts.lang ?? 'ko';
  const emu = await startEmulator({ scenario: opts.scenario });
  const site = await startSiteServer(['sell.smartstore.naver.com']);
  const ext = await launchExtension(
    { ...emu.hostMap, 'sell.smartstore.naver.com': site.port },
    { locale: lang === 'ko' ? 'ko-KR' : 'en-US', keepFirstInstallTab: opts.keepFirstInstallTab ?? false },
  );
  const { context, extensionId } = ext;
  const origin = `chrome-extension://${extensionId}/`;
  const errors: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith(origin)) errors.push(`${m.location().url} ${m.text()}`);
  });
  context.on('weberror', (e) => {
    if (e.page()?.url().startsWith(origin)) errors.push(`${e.page()!.url()} ${e.error().stack ?? e.error().message}`);
  });
  const shot = (name: string) => flowScreenshot('chromium', lang, name);
  const ui = (page: Page) => playwrightUi(page, page, shot);
  return {
    browserName: 'chromium',
    lang,
    emu,
    site,
    extensionUrl: ext.extensionUrl,
    redirectUri: () => chromeRedirectUri(),
    openExtensionPage: async (name) => {
      const page = await context.newPage();
      await page.goto(ext.extensionUrl(name));
      return ui(page);
    },
    pageCount: async () => context.pages().length,
    openUrl: async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      return ui(page);
    },
    waitForNewPage: async (trigger, url) => {
      const opened = context.waitForEvent('page', { predicate: (p) => url.test(p.url()), timeout: 20_000 });
      await trigger();
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      return ui(page);
    },
    firstInstallTab: async () => (ext.firstInstallTab ? ui(ext.firstInstallTab) : null),
    approveSignIn: (userId, trigger) => approveInAuthWindow(context, userId, trigger),
    restartBackground: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    addonErrors: async () => [...errors],
    close: async () => {
      await ext.close().catch(() => undefined);
      await site.close();
      await emu.close();
    },
  };
}
