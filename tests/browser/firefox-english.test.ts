import { describe, it } from 'vitest';
import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { useDriver } from '../support/flows/suite';
import { wizardFromFreshInstall } from '../support/flows/wizard';
import { additionalConsent, spyKauth } from '../support/flows/signin';
import { orderButtons, singleSendWithDoubleClick, type OrderPage } from '../support/flows/orders';

// The same flows with Firefox's UI (and so the extension) in English: fresh install to a delivered send.
describe('Firefox ESR in English: fresh install, consent, order page and a single send', () => {
  const driver = useDriver(startFirefoxDriver, { scenario: 'basic', lang: 'en', keepFirstInstallTab: true });
  let page: OrderPage;

  it('opens the setup wizard in English on install and walks to a first test message', async () => {
    await wizardFromFreshInstall(driver());
  });

  it('asks for the missing consent from the popup', async () => {
    const kauth = spyKauth(driver().emu);
    await additionalConsent(driver(), kauth);
  });

  it('puts English buttons on the order rows and sends once on a double click', async () => {
    page = await orderButtons(driver());
    await singleSendWithDoubleClick(driver(), page);
  });
});
