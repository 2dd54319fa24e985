import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchOrderStatuses, openCompose } from '@/utils/content/background-client';
import type { Order } from '@/utils/shared/order';

const order: Order = {
  store: 'smartstore',
  orderNo: '2026112490000001',
  productOrderNo: '2026112400000001',
  buyerName: '김민지',
  productName: '현미',
};
const reply = (value: unknown) =>
  fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
    sendResponse(value);
    return true;
  });

describe('content script calls to the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns the status list into badges by product order number', async () => {
    reply({
      ok: true,
      value: {
        statuses: [
          {
            productOrderNo: '2026112400000001',
            state: 'needs-link',
            // Fields the content script does not use are dropped, not passed on.
            extra: 'x',
          },
        ],
      },
    });
    expect(await fetchOrderStatuses([order])).toEqual({
      '2026112400000001': { state: 'needs-link' },
    });
  });

  it('refuses a reply of the wrong shape or an unknown state', async () => {
    reply({ ok: true, value: { statuses: { '2026112400000001': { state: 'linked' } } } });
    await expect(fetchOrderStatuses([order])).rejects.toThrow();
    fakeBrowser.reset();
    reply({ ok: true, value: { statuses: [{ productOrderNo: '2026112400000001', state: 'hacked' }] } });
    await expect(fetchOrderStatuses([order])).rejects.toThrow();
  });

  it('passes the background refusal on as an error', async () => {
    reply({ ok: false, error: { code: 'forbidden', ko: '안 돼요', en: 'Not allowed' } });
    await expect(openCompose([order])).rejects.toThrow('Not allowed');
    fakeBrowser.reset();
    reply({ ok: true, value: { ok: true } });
    await expect(openCompose([order])).resolves.toBeUndefined();
  });
});
