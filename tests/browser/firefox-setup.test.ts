import { describe, it } from 'vitest';
import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { useDriver } from '../support/flows/suite';
import { KEY, wizardFromFreshInstall } from '../support/flows/wizard';
import { additionalConsent, expectSignInsWerePkce, spyKauth, type KauthRequest } from '../support/flows/signin';
import {
  hostileRows,
  orderButtons,
  reRenderKeepsOneButtonPerRow,
  singleSendWithDoubleClick,
  syntheticRowClickIgnored,
  type OrderPage,
} from '../support/flows/orders';

// Firefox ESR with the Firefox build, in Korean (Debian's firefox-esr-l10n-ko), against the Kakao emulator.
// One browser for the whole operator story: install → wizard → consent → order page → a single send.
describe('Firefox ESR: fresh install, sign-in, the order page and a single send (Korean)', () => {
  const driver = useDriver(startFirefoxDriver, { scenario: 'basic', lang: 'ko', keepFirstInstallTab: true });
  let kauth: KauthRequest[];
  let page: OrderPage;

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

  it('puts one button on every order row inside the order iframe', async () => {
    page = await orderButtons(driver());
  });

  it('keeps exactly one button per row when the grid re-renders rows', async () => {
    await reRenderKeepsOneButtonPerRow(driver(), page);
  });

  it('ignores a synthetic click from a page script', async () => {
    await syntheticRowClickIgnored(driver(), page);
  });

  it('reads hostile names as text and disables rows it cannot read', async () => {
    await hostileRows(driver());
  });

  it('sends once on a double click after linking the customer', async () => {
    await singleSendWithDoubleClick(driver(), page);
  });
});
