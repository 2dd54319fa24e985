import { describe, it } from 'vitest';
import { startChromiumDriver } from '../support/flows/chromium-driver';
import { useDriver } from '../support/flows/suite';
import { wizardFromFreshInstall } from '../support/flows/wizard';

// The flows of tests/support/flows/, written once, here in Chromium with the Chrome build (the same flows
// run in Firefox ESR in tests/browser/firefox-*.test.ts).
describe('Chromium: setup from a fresh install (Korean)', () => {
  const driver = useDriver(startChromiumDriver, { scenario: 'basic', lang: 'ko', keepFirstInstallTab: true });

  it('opens the setup wizard by itself on install and walks to a first test message', async () => {
    await wizardFromFreshInstall(driver());
  });
});
