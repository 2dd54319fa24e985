import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { withRowStatusBroadcast } from '@/utils/background/row-status-broadcast';
import type { SendService } from '@/utils/background/sending/send-service';
import { ROW_STATUS_CHANGED } from '@/utils/shared/row-status';

describe('the background tells the order tabs when a status changes', () => {
  beforeEach(() => fakeBrowser.reset());

  it('after a link, an unlink and a send (failed too), to every open tab', async () => {
    await browser.tabs.create({ url: 'https://sell.smartstore.naver.com/' });
    await browser.tabs.create({ url: 'https://example.com/' });
    const tabs = (await browser.tabs.query({})).length;
    expect(tabs).toBeGreaterThanOrEqual(2);
    const sent = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const service = {
      link: vi.fn(async () => undefined),
      unlink: vi.fn(async () => undefined),
      send: vi.fn(async () => {
        throw new Error('offline');
      }),
      suggest: vi.fn(),
    } as unknown as SendService;
    const wrapped = withRowStatusBroadcast(service);
    const order = {} as Parameters<SendService['link']>[0];
    await wrapped.link(order, 'uuid');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(tabs));
    expect(sent.mock.calls.every(([, message]) => (message as { type: string }).type === ROW_STATUS_CHANGED)).toBe(
      true,
    );
    await wrapped.unlink(order);
    await expect(wrapped.send({} as Parameters<SendService['send']>[0])).rejects.toThrow('offline');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(3 * tabs));
    // What does not change a status says nothing.
    wrapped.suggest(order);
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toHaveBeenCalledTimes(3 * tabs);
  });
});
