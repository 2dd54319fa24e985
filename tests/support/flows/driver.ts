import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../../kakao-emulator/client';
import type { SiteServer } from '../site-server';

/**
 * What a flow does with one page (a tab, a window the extension opened, or a frame inside one). Selectors
 * are CSS, kept on data-testid attributes, and reach into open shadow roots (the order-row buttons) in both
 * browsers. `nth` picks one of several matches (0 = first); actions wait for the element to exist.
 */
export interface Ui {
  click(selector: string, opts?: Pick<At, 'nth'>): Promise<void>;
  /** Two clicks in a row, as an impatient operator makes them. */
  dblclick(selector: string, opts?: Pick<At, 'nth'>): Promise<void>;
  /**
   * Clicks the `target` whose text contains `targetText` (any, if omitted) inside the first `scope` element
   * whose text contains `scopeText` (for buttons without a test id, found by their label and their card).
   */
  clickWithin(scope: string, scopeText: string, target: string, targetText?: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  /** Ticks a checkbox with a real click (no-op if ticked). */
  check(selector: string, opts?: Pick<At, 'nth'>): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** textContent of the match, or null when there is none (for polling). */
  text(selector: string, opts?: Pick<At, 'nth'>): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  attr(selector: string, name: string, opts?: Pick<At, 'nth'>): Promise<string | null>;
  attrs(selector: string, name: string): Promise<(string | null)[]>;
  count(selector: string): Promise<number>;
  disabled(selector: string, opts?: Pick<At, 'nth'>): Promise<boolean>;
  /** Runs `fn` in the page's own world (main world for web pages). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** The child frame whose URL contains `urlPart` (waits for it). */
  frame(urlPart: string): Promise<Ui>;
  url(): Promise<string>;
  reload(): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

interface At {
  nth: number;
}

export type BrowserName = 'chromium' | 'firefox';
export type Lang = 'ko' | 'en';

/** One browser with the production build, the Kakao emulator and the store fixtures behind real hostnames. */
export interface Driver {
  browserName: BrowserName;
  lang: Lang;
  emu: Emulator;
  site: SiteServer;
  extensionUrl(page: string): string;
  /** The redirect URI this browser's identity API uses (what options must show and the sign-in must send). */
  redirectUri(): Promise<string>;
  openExtensionPage(page: string): Promise<Ui>;
  openUrl(url: string): Promise<Ui>;
  /** How many tabs and windows are open. */
  pageCount(): Promise<number>;
  /** The page/window `trigger` opens (compose window, options tab …), once its URL matches `url`. */
  waitForNewPage(trigger: () => Promise<unknown>, url: RegExp): Promise<Ui>;
  /** The tab the first install opened by itself, if one did (kept only with `keepFirstInstallTab`). */
  firstInstallTab(): Promise<Ui | null>;
  /** Clicks through the emulator's Kakao consent page in the window `trigger` opens, as user `userId`. */
  approveSignIn(userId: number, trigger: () => Promise<unknown>): Promise<void>;
  /** Chrome: stops the service worker; Firefox: reloads the MV2 background page. */
  restartBackground(): Promise<void>;
  /** Errors in the add-on's console (uncaught errors and console.error) so far. */
  addonErrors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface DriverOptions {
  scenario: 'basic' | 'demo';
  lang?: Lang;
  /** Leave the options tab the install opened (closed otherwise, so flows start from the same tabs). */
  keepFirstInstallTab?: boolean;
}

export type StartDriver = (opts: DriverOptions) => Promise<Driver>;

/** Polls `read` until `accept` holds (vitest's expect.poll needs an assertion; flows often just wait). */
export async function waitUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeout = 15_000, what = 'condition' } = {},
): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && accept(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `[data-testid="…"]` */
export const tid = (id: string): string => `[data-testid="${id}"]`;

/** A message of the built extension in the driver's language (locales/*.yml as the browser gets them). */
export function message(lang: Lang, key: string): string {
  const file = path.resolve(`.output/firefox-mv2/_locales/${lang}/messages.json`);
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  const found = all[key.replaceAll('.', '_')];
  if (!found) throw new Error(`no message ${key} in ${file}`);
  return found.message;
}
