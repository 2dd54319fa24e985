import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openWizardOnFirstInstall } from '@/utils/background/first-install';

describe('first install', () => {
  let open: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    open = vi.fn(() => Promise.resolve());
    // The fake browser does not implement openOptionsPage.
    browser.runtime.openOptionsPage = open as never;
    openWizardOnFirstInstall();
  });

  it('opens the options page (the setup wizard) on a fresh install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens nothing on an update, a browser update or a shared-module update', async () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'] as const) {
      await fakeBrowser.runtime.onInstalled.trigger({ reason, previousVersion: '0.0.9' } as never);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('keeps the background running when the options page cannot open', async () => {
    open.mockImplementation(() => Promise.reject(new Error('no window')));
    await expect(fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' })).resolves.toBeDefined();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
