import { describe, it } from 'vitest';
import { startChromiumDriver } from '../support/flows/chromium-driver';
import { useDriver } from '../support/flows/suite';
import { bulkStory } from '../support/flows/stories';
import { wizardFromFreshInstall } from '../support/flows/wizard';

// The flows of tests/support/flows/, written once, here in Chromium with the Chrome build (the same flows
// run in Firefox ESR in tests/browser/firefox-*.test.ts). The single-send story runs in Firefox only: in
// Chromium, compose-send.test.ts and kakao-signin.test.ts cover the same steps (kept out to hold CI under ten
// minutes).

bulkStory(
  'Chromium: a bulk of 12 with mixed eligibility, the service worker stopped mid-bulk, history (Korean)',
  startChromiumDriver,
  'a service worker stopped',
);

describe('Chromium in English: fresh install to a first test message', () => {
  const driver = useDriver(startChromiumDriver, { scenario: 'basic', lang: 'en', keepFirstInstallTab: true });

  it('opens the setup wizard in English on install and walks to a first test message', async () => {
    await wizardFromFreshInstall(driver());
  });
});
