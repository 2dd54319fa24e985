import { describe, it } from 'vitest';
import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { useDriver } from '../support/flows/suite';
import {
  hostileRows,
  orderButtons,
  reRenderKeepsOneButtonPerRow,
  setUpOperator,
  singleSendWithDoubleClick,
  syntheticRowClickIgnored,
  type OrderPage,
} from '../support/flows/orders';
import { KEY } from '../support/flows/wizard';

describe('Firefox ESR: the order page and a single send (Korean)', () => {
  const driver = useDriver(startFirefoxDriver, { scenario: 'basic', lang: 'ko' });
  let page: OrderPage;

  it('puts one button on every order row inside the order iframe', async () => {
    await setUpOperator(driver(), { key: KEY, userId: 1 });
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
