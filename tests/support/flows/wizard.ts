import { expect } from 'vitest';
import { tid, waitUntil, type Driver, type Ui } from './driver';

export const KEY = '0123456789abcdef0123456789abcdef';
const HANGUL = /[\uac00-\ud7a3]/;

/** Whether `ui` shows the extension in the driver's language: Hangul in its texts exactly when Korean. */
export async function expectLanguage(driver: Driver, ui: Ui, selector: string): Promise<void> {
  const text = await waitUntil(
    () => ui.text(selector),
    (t) => !!t?.trim(),
    { what: `text of ${selector}` },
  );
  expect(HANGUL.test(text!), `"${text}" in ${driver.lang}`).toBe(driver.lang === 'ko');
}

/**
 * A fresh install: the options tab the install opened by itself shows the wizard on the Kakao app step;
 * the operator saves the key, signs in, describes the store and sends a first test message to themself.
 * Needs a driver started with `keepFirstInstallTab` on the basic scenario.
 */
export async function wizardFromFreshInstall(driver: Driver): Promise<Ui> {
  const options = await waitUntil(
    () => driver.firstInstallTab(),
    (t) => t !== null,
    { what: 'the tab the first install opens' },
  );
  expect(await options!.url()).toBe(driver.extensionUrl('options.html'));
  await waitUntil(
    () => options!.count(tid('wizard')),
    (n) => n === 1,
    { what: 'the wizard' },
  );
  expect(await options!.attr(tid('wizard-step-kakao'), 'aria-current')).toBe('step');
  await expectLanguage(driver, options!, tid('wizard-step-kakao'));
  await options!.screenshot('wizard-1-kakao');

  await options!.fill(tid('kakao-rest-key'), KEY);
  await options!.click(tid('settings-save'));
  await waitUntil(
    () => options!.text(tid('kakao-status')),
    (t) => !!t?.trim(),
    { what: 'the saved key' },
  );
  await driver.approveSignIn(1, () => options!.click(tid('check-connection')));
  await waitUntil(
    () => options!.text(tid('kakao-status')),
    (t) => !!t?.includes('운영자'),
    { what: 'the signed-in operator' },
  );

  await options!.click(tid('wizard-next'));
  await options!.fill(tid('store-name'), '하늘상점');
  await options!.fill(tid('store-url'), 'https://smartstore.naver.com/haneul');
  await options!.fill(tid('store-link-domains'), 'smartstore.naver.com');
  await options!.click(tid('store-save'));
  await waitUntil(
    () => options!.text(tid('store-status')),
    (t) => !!t?.trim(),
    { what: 'the saved store' },
  );

  await options!.click(tid('wizard-next'));
  await options!.click(tid('send-to-me'));
  await waitUntil(
    () => options!.count(tid('send-to-me-passed')),
    (n) => n === 1,
    { what: 'the test message' },
  );
  await options!.screenshot('wizard-3-test');
  expect(await driver.emu.control.deliveries()).toEqual([expect.objectContaining({ kind: 'memo', receiverId: 1 })]);
  return options!;
}
