import puppeteer, { type Browser } from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectProxy } from './connect-proxy';

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
  const executablePath = firefoxPath();
  checkFirefoxVersion(executablePath);
  const profile = mkdtempSync(path.join(tmpdir(), 'ordertalk-firefox-'));
  const proxy = await startConnectProxy(hosts);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
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
