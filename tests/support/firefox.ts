import puppeteer, { type Browser } from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectProxy } from './connect-proxy';
import { GECKO_ID } from '@/utils/shared/extension-identity';

export const FIREFOX_BUILD = path.resolve('.output/firefox-mv2');

const INSTALL = '"apt-get update && apt-get install firefox-esr" (as root; with sudo otherwise)';

export function firefoxPath(): string {
  const candidate = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(candidate)) {
    throw new Error(`Firefox not found at ${candidate}: run ${INSTALL} or set FIREFOX_PATH.`);
  }
  return candidate;
}

/** The numbers of a Firefox version ("153.8.0esr", "140.0"), so 140.10 sorts after 140.9. */
function versionParts(version: string): number[] {
  return (version.match(/^\d+(?:\.\d+)*/)?.[0] ?? '').split('.').filter(Boolean).map(Number);
}

/**
 * Why this Firefox cannot run the build, or null if it can. Firefox refuses to install an add-on whose
 * strict_min_version is above its own version ("not compatible with application version"); this says up
 * front what to install instead. `versionOutput` is what `firefox --version` prints ("Mozilla Firefox 153.8.0esr").
 */
export function firefoxTooOld(
  versionOutput: string,
  minVersion: string | undefined,
  executable: string,
): string | null {
  const installed = /Firefox\s+(\d[\w.]*)/.exec(versionOutput)?.[1];
  if (!installed) return `Could not read the version of ${executable} ("${versionOutput.trim()}").`;
  if (!minVersion) return null;
  const have = versionParts(installed);
  const need = versionParts(minVersion);
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const diff = (have[i] ?? 0) - (need[i] ?? 0);
    if (diff > 0) return null;
    if (diff < 0) {
      return (
        `Firefox ${installed} at ${executable} is older than ${minVersion}, the build's strict_min_version: ` +
        `run ${INSTALL} for a newer firefox-esr, or set FIREFOX_PATH to Firefox ${minVersion} or later.`
      );
    }
  }
  return null;
}

/** The minimum Firefox version the built manifest declares (browser_specific_settings.gecko). */
export function buildMinVersion(buildDir = FIREFOX_BUILD): string | undefined {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { strict_min_version?: string } };
  };
  return manifest.browser_specific_settings?.gecko?.strict_min_version;
}

/** Fails before launching when the installed Firefox is older than the build accepts. */
function checkFirefoxVersion(executable: string): void {
  const output = execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const problem = firefoxTooOld(output, buildMinVersion(), executable);
  if (problem) throw new Error(problem);
}

/** The moz-extension:// host the build gets (pref extensions.webextensions.uuids), so tests can open its pages. */
export const FIREFOX_UUID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';

const LANGPACK_INSTALL = '"apt-get update && apt-get install firefox-esr-l10n-ko" (as root; with sudo otherwise)';

export interface FirefoxExtension {
  browser: Browser;
  addonId: string;
  /** `moz-extension://<uuid>/<page>` */
  extensionUrl(page: string): string;
  /** Uncaught errors and unhandled rejections of the add-on's pages, background and content scripts so far. */
  addonErrors(): Promise<string[]>;
  /** Evaluates an expression with chrome privileges in the parent process (the browser window's realm). */
  evaluateInChrome<T>(expression: string): Promise<T>;
  /** Reloads the MV2 background page: Firefox's counterpart of Chrome stopping the service worker. */
  reloadBackground(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Firefox's reports when a page (or the background page a test reloads) goes while one of its API calls is
 * still unanswered — tests close pages as soon as they have looked: the page is gone, nothing failed.
 */
const UNLOADED = /^Promise (resolved|rejected) (after context unloaded|while context is inactive)/;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}

/**
 * Debian Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary add-on. Real
 * hostnames reach local HTTPS servers through a PAC file and a local CONNECT proxy.
 * `--remote-allow-system-access` lets BiDi open moz-extension:// pages and reach the parent process (for the
 * add-on's errors and its background page); see docs/reference/firefox-testing.md.
 * Firefox's UI language (which extension i18n follows) is `locale`: 'ko' needs Debian's firefox-esr-l10n-ko,
 * whose language pack Firefox loads from its application folder.
 */
export async function launchFirefox(
  hosts: Record<string, number> = {},
  { locale = 'ko' }: { locale?: 'ko' | 'en-US' } = {},
): Promise<FirefoxExtension> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No build at ${FIREFOX_BUILD}: run "npm run build:firefox" first.`);
  }
  const executablePath = firefoxPath();
  checkFirefoxVersion(executablePath);
  const profile = mkdtempSync(path.join(tmpdir(), 'ordertalk-firefox-'));
  const proxy = await startConnectProxy(hosts);
  const debugLog = process.env.ORDERTALK_FIREFOX_LOG === '1';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(proxy.pac)}`,
      'network.proxy.allow_hijacking_localhost': false,
      'intl.locale.requested': locale,
      'intl.accept_languages': locale === 'ko' ? 'ko-KR, ko' : 'en-US, en',
      'network.stricttransportsecurity.preloadlist': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // ORDERTALK_FIREFOX_LOG=1: console.* of extension pages, the background page and content scripts on
      // stdout, for debugging (Firefox's own code writes there too, so tests do not read it).
      'devtools.console.stdout.content': debugLog,
    },
    dumpio: debugLog,
    acceptInsecureCerts: true,
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const evaluateInChrome = async <T>(expression: string): Promise<T> => {
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const context = (tree.result.contexts as { context: string }[])[0]!.context;
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type !== 'success') throw new Error(`chrome evaluation failed: ${JSON.stringify(result)}`);
    return JSON.parse(result.result.value as string) as T;
  };
  const close = async () => {
    // A loaded machine can leave BiDi's close unanswered: then end this Firefox (ours, by its pid).
    const closed = browser.close().then(
      () => true,
      () => false,
    );
    const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), 20_000).unref());
    if (!(await Promise.race([closed, timedOut]))) browser.process()?.kill('SIGKILL');
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    if (locale === 'ko') {
      const locales = await evaluateInChrome<string[]>('Services.locale.appLocalesAsBCP47');
      if (!locales[0]?.startsWith('ko')) {
        throw new Error(
          `Firefox runs in ${locales[0]}, not Korean: its Korean language pack is missing. Run ${LANGPACK_INSTALL}.`,
        );
      }
    }
    const addonId = await browser.installExtension(FIREFOX_BUILD);
    return {
      browser,
      addonId,
      extensionUrl: (page) => `moz-extension://${FIREFOX_UUID}/${page}`,
      evaluateInChrome,
      // The parent's console service gets every script error of the add-on's processes, tagged with its URL.
      addonErrors: async () => [
        ...(await evaluateInChrome<string[]>(`Services.console
          .getMessageArray()
          .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)))
          .filter((m) => m.sourceName.startsWith('moz-extension://${FIREFOX_UUID}/'))
          .filter((m) => !${String(UNLOADED)}.test(m.errorMessage))
          .map((m) => m.sourceName + ':' + m.lineNumber + ' ' + m.errorMessage)`)),
      ],
      reloadBackground: async () => {
        // The background page lives in a <browser> element of the parent process; reloading it re-runs
        // background.js from scratch, as a restarted service worker does in Chrome.
        const reloaded = await evaluateInChrome<boolean>(`(async () => {
          const ext = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
          const view = () => [...ext.views].find((v) => v.viewType === 'background');
          const before = view()?.xulBrowser.browsingContext.currentWindowGlobal?.innerWindowId;
          if (!before) return false;
          view().xulBrowser.reload();
          for (let i = 0; i < 100; i++) {
            await new Promise((r) => setTimeout(r, 100));
            const now = view()?.xulBrowser.browsingContext.currentWindowGlobal?.innerWindowId;
            if (now && now !== before) return true;
          }
          return false;
        })()`);
        if (!reloaded) throw new Error('the background page did not reload');
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
