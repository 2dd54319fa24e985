import type { ElementHandle, Frame, Page, Target } from 'puppeteer-core';
import { launchFirefox, type FirefoxExtension } from '../firefox';
import { startSiteServer } from '../site-server';
import { startEmulator } from '../../kakao-emulator/client';
import { firefoxRedirectUri } from '@/utils/shared/extension-identity';
import { flowScreenshot } from './chromium-driver';
import { waitUntil, type Driver, type DriverOptions, type Ui } from './driver';

/** puppeteer's BiDi frame: navigations to moz-extension:// go through it (page.goto waits for events that never come). */
interface BidiContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void>;
}
const bidi = (page: Page) => (page.mainFrame() as unknown as { browsingContext: BidiContext }).browsingContext;

const href = (root: Page | Frame) => root.evaluate(() => location.href).catch(() => '');

async function navigate(page: Page, url: string): Promise<void> {
  if (/^https?:/.test(url)) await page.goto(url);
  else await bidi(page).navigate(url, 'complete');
}

function puppeteerUi(root: Page | Frame, page: Page, shot: (name: string) => string): Ui {
  // pierce/ matches inside open shadow roots too (the order-row buttons), in document order.
  const all = (selector: string) => root.$$(`pierce/${selector}`);
  const at = async (selector: string, nth = 0): Promise<ElementHandle<Element>> => {
    const els = await waitUntil(
      () => all(selector),
      (e) => e.length > nth,
      { what: `${selector} #${nth}` },
    );
    return els[nth]!;
  };
  const ifPresent = async <T>(selector: string, nth: number, read: (el: Element) => T): Promise<T | null> => {
    const el = (await all(selector))[nth];
    return el ? ((await el.evaluate(read as never)) as T) : null;
  };
  // A click lands only on a visible, enabled element (playwright waits for both; puppeteer does not).
  const clickable = async (selector: string, nth = 0) => {
    const end = Date.now() + 15_000;
    for (;;) {
      const el = await at(selector, nth);
      const ready = await el.evaluate((e) => !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0);
      if (ready) return el;
      if (Date.now() > end) throw new Error(`${selector} #${nth} stays hidden or disabled`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    click: async (s, o) => (await clickable(s, o?.nth)).click(),
    dblclick: async (s, o) => (await clickable(s, o?.nth)).click({ count: 2 }),
    clickWithin: async (scope, scopeText, target, targetText) => {
      const el = await waitUntil(
        async () => {
          for (const card of await all(scope)) {
            if (!(await card.evaluate((e, t) => (e.textContent ?? '').includes(t), scopeText))) continue;
            for (const t of await card.$$(target)) {
              const ok = await t.evaluate(
                (e, want) =>
                  (want === null || (e.textContent ?? '').includes(want)) &&
                  !(e as HTMLButtonElement).disabled &&
                  e.getClientRects().length > 0,
                targetText ?? null,
              );
              if (ok) return t;
            }
          }
          return null;
        },
        (e) => e !== null,
        { what: `${target} "${targetText ?? ''}" in ${scope} "${scopeText}"` },
      );
      await el!.click();
    },
    fill: async (s, v) => {
      const el = await clickable(s);
      // The value setter of the element's own prototype, so Preact's onInput sees a real change.
      await el.evaluate((e, value) => {
        const input = e as HTMLInputElement;
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, v);
    },
    check: async (s, o) => {
      const el = await clickable(s, o?.nth);
      if (!(await el.evaluate((e) => (e as HTMLInputElement).checked))) await el.click();
      await waitUntil(
        () => el.evaluate((e) => (e as HTMLInputElement).checked),
        (c) => c,
        { what: `${s} checked` },
      );
    },
    select: async (s, v) => void (await (await at(s)).select(v)),
    text: (s, o) => ifPresent(s, o?.nth ?? 0, (e) => e.textContent),
    texts: async (s) => Promise.all((await all(s)).map((e) => e.evaluate((x) => x.textContent ?? ''))),
    attr: (s, n, o) =>
      (async () => {
        const el = (await all(s))[o?.nth ?? 0];
        return el ? el.evaluate((e, name) => e.getAttribute(name), n) : null;
      })(),
    attrs: async (s, n) => Promise.all((await all(s)).map((e) => e.evaluate((x, name) => x.getAttribute(name), n))),
    count: async (s) => (await all(s)).length,
    disabled: async (s, o) => (await at(s, o?.nth)).evaluate((e) => (e as HTMLButtonElement).disabled),
    evaluate: (fn, arg) => root.evaluate(fn as never, arg) as never,
    frame: async (part) => {
      const frame = await waitUntil(
        async () => page.frames().find((f) => f.url().includes(part)),
        (f) => !!f,
        { what: `frame ${part}` },
      );
      return puppeteerUi(frame!, page, shot);
    },
    url: () => href(root),
    reload: async () => {
      const url = await href(page);
      // goto() to the same URL with a #fragment would only scroll; extension pages get no reload events.
      if (/^https?:/.test(url)) await page.reload();
      else await navigate(page, url);
    },
    screenshot: async (name) => void (await page.screenshot({ path: shot(name) as `${string}.png`, fullPage: true })),
    close: () => page.close(),
  };
}

/** Debian Firefox ESR with the Firefox build (tests/support/firefox.ts), driven by puppeteer-core over BiDi. */
export async function startFirefoxDriver(opts: DriverOptions): Promise<Driver> {
  const lang = opts.lang ?? 'ko';
  const emu = await startEmulator({ scenario: opts.scenario });
  const site = await startSiteServer(['sell.smartstore.naver.com']);
  let ff: FirefoxExtension;
  try {
    ff = await launchFirefox(
      { ...emu.hostMap, 'sell.smartstore.naver.com': site.port },
      { locale: lang === 'ko' ? 'ko' : 'en-US' },
    );
  } catch (error) {
    await site.close();
    await emu.close();
    throw error;
  }
  const { browser } = ff;
  // console.error calls in the pages the flows use (extension pages and the admin pages' content scripts);
  // uncaught errors come from the parent's console service (launchFirefox).
  const consoleErrors: string[] = [];
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return page;
    watched.add(page);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`console.error ${m.location().url ?? ''}: ${m.text()}`);
    });
    return page;
  };
  const shot = (name: string) => flowScreenshot('firefox', lang, name);
  const ui = (page: Page) => puppeteerUi(watch(page), page, shot);
  const newPage = async (trigger: () => Promise<unknown>): Promise<Page> => {
    const before = new Set(browser.targets());
    const opened = browser.waitForTarget((t: Target) => t.type() === 'page' && !before.has(t), { timeout: 20_000 });
    await trigger();
    return (await (await opened).page())!;
  };
  const optionsUrl = ff.extensionUrl('options.html');
  // The install opened options in the first tab; find it by what it shows (BiDi reports extension URLs as
  // about:blank). Not kept: the tab goes back to about:blank (closing the last tab would end Firefox).
  const installTab = await waitUntil(
    async () => {
      for (const p of await browser.pages()) if ((await href(p)).startsWith(optionsUrl)) return p;
      return null;
    },
    (p) => p !== null,
    { timeout: 10_000, what: 'the options tab the first install opens' },
  ).catch(() => null);
  if (installTab && !opts.keepFirstInstallTab) await bidi(installTab).navigate('about:blank', 'complete');
  return {
    browserName: 'firefox',
    lang,
    emu,
    site,
    extensionUrl: ff.extensionUrl,
    redirectUri: () => firefoxRedirectUri(),
    openExtensionPage: async (name) => {
      const page = await browser.newPage();
      await navigate(page, ff.extensionUrl(name));
      return ui(page);
    },
    pageCount: async () => (await browser.pages()).length,
    openUrl: async (url) => {
      const page = await browser.newPage();
      await navigate(page, url);
      return ui(page);
    },
    waitForNewPage: async (trigger, url) => {
      const page = await newPage(trigger);
      await waitUntil(
        async () => (await href(page)).match(url) && (await page.evaluate(() => document.readyState)) !== 'loading',
        (ok) => !!ok,
        { timeout: 20_000, what: `a new page at ${url}` },
      );
      return ui(page);
    },
    firstInstallTab: async () => (installTab && opts.keepFirstInstallTab ? ui(installTab) : null),
    approveSignIn: async (userId, trigger) => {
      // Firefox fetches the authorize URL in the background first; the consent page then opens in a window.
      const auth = await newPage(trigger);
      await waitUntil(
        () => href(auth),
        (u) => u.startsWith('https://kauth.kakao.com/'),
        { timeout: 20_000, what: 'the Kakao sign-in window' },
      );
      await auth.waitForSelector('#agree');
      await auth.select('#user', String(userId));
      // The window closes itself once Firefox sees the redirect URI, possibly before the click returns.
      await auth.click('#agree').catch(() => undefined);
    },
    restartBackground: () => ff.reloadBackground(),
    addonErrors: async () => [...consoleErrors, ...(await ff.addonErrors())],
    close: async () => {
      await ff.close();
      await site.close();
      await emu.close();
    },
  };
}
