import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import type { Emulator } from '../kakao-emulator/client';

/** What a new operator does in options and the popup: app key, store, sign-in, consents (auto-approved). */
export async function setUpOperator(
  ext: ExtensionBrowser,
  emu: Emulator,
  opts: { key: string; userId: number; storeUrl?: string; domains?: string },
): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  // A new install opens the step-by-step wizard; plain sections show everything at once.
  await options.getByTestId('view-sections').click();
  await options.getByTestId('kakao-rest-key').fill(opts.key);
  await options.getByTestId('settings-save').click();
  await options.getByText('저장했어요').first().waitFor();
  await options.getByTestId('store-name').fill('하늘상점');
  await options.getByTestId('store-url').fill(opts.storeUrl ?? 'https://smartstore.naver.com/haneul');
  await options.getByTestId('store-link-domains').fill(opts.domains ?? 'smartstore.naver.com');
  await options.getByTestId('store-save').click();
  await options.getByTestId('store-status').filter({ hasText: /\S/ }).waitFor();
  await options.close();
  await emu.control.autoApprove(opts.userId);
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  await popup.getByTestId('signin').click();
  await popup.getByTestId('consent-grant').click();
  await popup.getByTestId('friends-count').filter({ hasNotText: '–' }).waitFor();
  await popup.close();
}

export async function openCompose(context: BrowserContext, click: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page', { timeout: 15_000 });
  await click();
  const page = await opened;
  await page.getByTestId('compose').waitFor();
  return page;
}
