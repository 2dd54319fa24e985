import { describe, it } from 'vitest';
import type { StartDriver, Ui } from './driver';
import { useDriver } from './suite';
import { KEY, wizardFromFreshInstall } from './wizard';
import { additionalConsent, expectSignInsWerePkce, spyKauth, type KauthRequest } from './signin';
import {
  hostileRows,
  orderButtons,
  reRenderKeepsOneButtonPerRow,
  setUpOperator,
  singleSendWithDoubleClick,
  syntheticRowClickIgnored,
  type OrderPage,
} from './orders';
import { backgroundRestartMidBulk, bulkWithMixedEligibility, DEMO_KEY, historyAndCsv, openBulkCompose } from './bulk';

// The operator's stories, each written once as a describe block and run in both browsers
// (tests/browser/shared-flows.test.ts for Chromium, tests/browser/firefox-*.test.ts for Firefox ESR).

/** One browser for the whole story: install → wizard → consent → order page → a single send. */
export function singleSendStory(title: string, start: StartDriver): void {
  describe(title, () => {
    const driver = useDriver(start, { scenario: 'basic', lang: 'ko', keepFirstInstallTab: true });
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
}

/** A bulk of 12 with mixed eligibility, the background stopped mid-bulk (`restart` names how), history and CSV. */
export function bulkStory(title: string, start: StartDriver, restart: string): void {
  describe(title, () => {
    const driver = useDriver(start, { scenario: 'demo', lang: 'ko' });
    let compose: Ui;

    it('opens one compose window for the ticked rows', async () => {
      await setUpOperator(driver(), { key: DEMO_KEY, userId: 1000 });
      compose = await openBulkCompose(driver());
    });

    it('sends the eligible ones and reports each order, with -530 and quota failures', async () => {
      await bulkWithMixedEligibility(driver(), compose);
    });

    it(`${restart} mid-bulk sends nothing twice; the cut-off send shows as unknown`, async () => {
      await backgroundRestartMidBulk(driver(), compose);
    });

    it('lists the sends in history and exports them as CSV', async () => {
      await historyAndCsv(driver());
    });
  });
}
