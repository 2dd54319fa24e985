import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createComposeSession, getComposeSession } from '@/utils/background/compose-window';
import type { Order } from '@/utils/shared/order';

const order: Order = {
  store: 'smartstore',
  orderNo: '1',
  productOrderNo: '11',
  buyerName: '김하늘',
  productName: '현미',
};

describe('compose sessions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps orders under a random id in session storage, and expires them', async () => {
    const now = 1_000_000;
    const id = await createComposeSession([order], now);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getComposeSession(id, now + 1000)).toEqual({ orders: [order], createdAt: now });
    expect(await getComposeSession(id, now + 13 * 3600_000)).toBeNull();
    expect(await getComposeSession(crypto.randomUUID(), now)).toBeNull();
    expect(Object.keys(await browser.storage.local.get(null))).toHaveLength(0);
  });

  it('ignores tampered entries instead of trusting them', async () => {
    await browser.storage.session.set({ composeSessions: { bad: { orders: [{ nope: 1 }], createdAt: 1 } } });
    expect(await getComposeSession('bad', 2)).toBeNull();
  });
});
