import { describe, it } from 'vitest';
import { startChromiumDriver } from '../support/flows/chromium-driver';
import { useDriver } from '../support/flows/suite';
import { wizardFromFreshInstall } from '../support/flows/wizard';

// The flows of tests/support/flows/, written once, run in Firefox ESR (tests/browser/firefox-*.test.ts) and, for
// the English wizard, here in Chromium. The single-send and bulk stories run in Firefox only: in Chromium,
// compose-send, kakao-signin and bulk-send.test.ts cover the same steps with Chromium's own checks (the
// duplicate Chromium runs were dropped to hold CI under ten minutes).

describe('Chromium in English: fresh install to a first test message', () => {
  const driver = useDriver(startChromiumDriver, { scenario: 'basic', lang: 'en', keepFirstInstallTab: true });

  it('opens the setup wizard in English on install and walks to a first test message', async () => {
    await wizardFromFreshInstall(driver());
  });
});
