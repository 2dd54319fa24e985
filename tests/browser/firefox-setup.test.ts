import { describe, it } from 'vitest';
import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { useDriver } from '../support/flows/suite';
import { KEY, wizardFromFreshInstall } from '../support/flows/wizard';
import { additionalConsent, expectSignInsWerePkce, spyKauth, type KauthRequest } from '../support/flows/signin';

// Firefox ESR with the Firefox build, in Korean (Debian's firefox-esr-l10n-ko), against the Kakao emulator.
describe('Firefox ESR: setup from a fresh install (Korean)', () => {
  const driver = useDriver(startFirefoxDriver, { scenario: 'basic', lang: 'ko', keepFirstInstallTab: true });

  let kauth: KauthRequest[];

  it('opens the setup wizard by itself on install and walks to a first test message', async () => {
    kauth = spyKauth(driver().emu);
    await wizardFromFreshInstall(driver());
  });

  it('asks for the missing consent from the popup, then reads the friends list', async () => {
    await additionalConsent(driver(), kauth);
  });

  it('signed in with PKCE (S256), a fresh state each time, and the redirect URI options show', async () => {
    await expectSignInsWerePkce(driver(), kauth, KEY);
  });

  it('sees an error thrown in an extension page (so the console check can fail)', async () => {
    await driver.expectErrorsAreCaught();
  });
});
