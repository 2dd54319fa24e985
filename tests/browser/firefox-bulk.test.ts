import { describe, it } from 'vitest';
import type { Ui } from '../support/flows/driver';
import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { useDriver } from '../support/flows/suite';
import { setUpOperator } from '../support/flows/orders';
import {
  backgroundRestartMidBulk,
  bulkWithMixedEligibility,
  DEMO_KEY,
  historyAndCsv,
  openBulkCompose,
} from '../support/flows/bulk';

describe('Firefox ESR: a bulk of 12 with mixed eligibility, the background reloaded mid-bulk, history (Korean)', () => {
  const driver = useDriver(startFirefoxDriver, { scenario: 'demo', lang: 'ko' });
  let compose: Ui;

  it('opens one compose window for the ticked rows', async () => {
    await setUpOperator(driver(), { key: DEMO_KEY, userId: 1000 });
    compose = await openBulkCompose(driver());
  });

  it('sends the eligible ones and reports each order, with -530 and quota failures', async () => {
    await bulkWithMixedEligibility(driver(), compose);
  });

  it('a background page reloaded mid-bulk sends nothing twice; the cut-off send shows as unknown', async () => {
    await backgroundRestartMidBulk(driver(), compose);
  });

  it('lists the sends in history and exports them as CSV', async () => {
    await historyAndCsv(driver());
  });
});
