import { browser } from 'wxt/browser';

/**
 * A fresh install opens the options page, which starts as the setup wizard while setup is incomplete
 * (components/options/OptionsApp.tsx). Updates, browser updates and reloads of a temporary add-on do not:
 * an operator who set up already must not get a tab on every release.
 */
export function openWizardOnFirstInstall(): void {
  // Registered synchronously with the background's first run, or the install event is missed.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    void browser.runtime.openOptionsPage().catch(() => undefined);
  });
}
