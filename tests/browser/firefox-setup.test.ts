import { describe, it } from 'vitest';
import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { useDriver } from '../support/flows/suite';
import { wizardFromFreshInstall } from '../support/flows/wizard';

// Firefox ESR with the Firefox build, in Korean (Debian's firefox-esr-l10n-ko), against the Kakao emulator.
describe('Firefox ESR: setup from a fresh install (Korean)', () => {
  const driver = useDriver(startFirefoxDriver, { scenario: 'basic', lang: 'ko', keepFirstInstallTab: true });

  it('opens the setup wizard by itself on install and walks to a first test message', async () => {
    await wizardFromFreshInstall(driver());
  });
});
