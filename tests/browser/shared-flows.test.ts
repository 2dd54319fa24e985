import { describe, it } from 'vitest';
import { startChromiumDriver } from '../support/flows/chromium-driver';
import { useDriver } from '../support/flows/suite';
import type { Ui } from '../support/flows/driver';
import {
  backgroundRestartMidBulk,
  bulkWithMixedEligibility,
  DEMO_KEY,
  historyAndCsv,
  openBulkCompose,
} from '../support/flows/bulk';
import {
  hostileRows,
  orderButtons,
  reRenderKeepsOneButtonPerRow,
  setUpOperator,
  singleSendWithDoubleClick,
  syntheticRowClickIgnored,
  type OrderPage,
} from '../support/flows/orders';
import { KEY, wizardFromFreshInstall } from '../support/flows/wizard';
import { additionalConsent, expectSignInsWerePkce, spyKauth, type KauthRequest } from '../support/flows/signin';

// The flows of tests/support/flows/, written once, here in Chromium with the Chrome build (the same flows
// run in Firefox ESR in tests/browser/firefox-*.test.ts).
describe('Chromium: fresh install, sign-in, the order page and a single send (Korean)', () => {
  const driver = useDriver(startChromiumDriver, { scenario: 'basic', lang: 'ko', keepFirstInstallTab: true });
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

describe('Chromium: a bulk of 12 with mixed eligibility, the service worker stopped mid-bulk, history (Korean)', () => {
  const driver = useDriver(startChromiumDriver, { scenario: 'demo', lang: 'ko' });
  let compose: Ui;

  it('opens one compose window for the ticked rows', async () => {
    await setUpOperator(driver(), { key: DEMO_KEY, userId: 1000 });
    compose = await openBulkCompose(driver());
  });

  it('sends the eligible ones and reports each order, with -530 and quota failures', async () => {
    await bulkWithMixedEligibility(driver(), compose);
  });

  it('a service worker stopped mid-bulk sends nothing twice; the cut-off send shows as unknown', async () => {
    await backgroundRestartMidBulk(driver(), compose);
  });

  it('lists the sends in history and exports them as CSV', async () => {
    await historyAndCsv(driver());
  });
});

describe('Chromium in English: fresh install to a first test message', () => {
  const driver = useDriver(startChromiumDriver, { scenario: 'basic', lang: 'en', keepFirstInstallTab: true });

  it('opens the setup wizard in English on install and walks to a first test message', async () => {
    await wizardFromFreshInstall(driver());
  });
});
