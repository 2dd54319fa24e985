import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { waitUntil, type Driver, type DriverOptions, type StartDriver } from './driver';

export interface DriverHandle {
  (): Driver;
  /** Proves the console check sees errors: throws in an extension page and waits for it to be reported. */
  expectErrorsAreCaught(): Promise<void>;
}

/**
 * One browser for the describe block that calls it; after every test, no new error in the add-on's
 * console (uncaught errors of its pages, background and content scripts, and console.error calls).
 */
export function useDriver(start: StartDriver, opts: DriverOptions): DriverHandle {
  let driver: Driver | undefined;
  let seen = 0;
  beforeAll(async () => {
    driver = await start(opts);
  });
  afterEach(async () => {
    if (!driver) return;
    const errors = await driver.addonErrors();
    const fresh = errors.slice(seen);
    seen = errors.length;
    expect(fresh, 'errors in the add-on console').toEqual([]);
  });
  afterAll(async () => {
    await driver?.close();
  });
  const get = (() => {
    if (!driver) throw new Error('the browser did not start');
    return driver;
  }) as DriverHandle;
  get.expectErrorsAreCaught = async () => {
    const page = await get().openExtensionPage('options.html');
    const marker = `ordertalk-console-check-${Date.now()}`;
    await page.evaluate((m) => void setTimeout(() => Promise.reject(new Error(m))), marker);
    const errors = await waitUntil(
      () => get().addonErrors(),
      (e) => e.some((x) => x.includes(marker)),
      { what: 'the test error in the add-on console' },
    );
    seen = errors.length;
    await page.close();
  };
  return get;
}
