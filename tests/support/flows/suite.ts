import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Driver, DriverOptions, StartDriver } from './driver';

/**
 * One browser for the describe block that calls it; after every test, no new error in the add-on's
 * console (uncaught errors of its pages, background and content scripts, and console.error calls).
 */
export function useDriver(start: StartDriver, opts: DriverOptions): () => Driver {
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
  return () => {
    if (!driver) throw new Error('the browser did not start');
    return driver;
  };
}
