import { describe, expect, it, vi } from 'vitest';
import { listenToBridge } from '@/utils/content/stores/graphql-bridge';
import { BRIDGE_SOURCE } from '@/utils/content/stores/graphql-rows';
import type { Order } from '@/utils/shared/order';

function post(data: unknown, source: unknown = window) {
  window.dispatchEvent(new MessageEvent('message', { data, source: source as Window, origin: window.location.origin }));
}

describe('page data bridged from the order frame', () => {
  it('keeps valid rows (whitespace folded), skips bad ones, and ignores other messages', () => {
    const extra = new Map<string, Partial<Order>>();
    const onRows = vi.fn();
    const controller = new AbortController();
    listenToBridge(window, extra, onRows, controller.signal);
    post({
      source: BRIDGE_SOURCE,
      rows: [
        { productOrderNo: '2026112400000001', buyerPhone: ' 010-****-1234 ', buyerId: 'minji01', receiverName: '   ' },
        { productOrderNo: '주문##', buyerId: 'x' },
        { productOrderNo: '2026112400000002', buyerId: 42 },
        'not a row',
      ],
    });
    expect(onRows).toHaveBeenCalledTimes(1);
    expect([...extra]).toEqual([['2026112400000001', { buyerPhone: '010-****-1234', buyerId: 'minji01' }]]);
    post({ source: 'someone-else', rows: [{ productOrderNo: '2026112400000003' }] });
    post({ source: BRIDGE_SOURCE, rows: 'nope' });
    post({ source: BRIDGE_SOURCE, rows: Array.from({ length: 5001 }, () => ({ productOrderNo: '2026112400000004' })) });
    post({ source: BRIDGE_SOURCE, rows: [{ productOrderNo: '2026112400000005' }] }, null); // not from this window
    expect(onRows).toHaveBeenCalledTimes(1);
    expect(extra.size).toBe(1);
    controller.abort();
  });

  it('checks a 5,000-row answer in slices, yielding between them, then says so once; quantity as a number', async () => {
    const extra = new Map<string, Partial<Order>>();
    const onRows = vi.fn();
    const controller = new AbortController();
    listenToBridge(window, extra, onRows, controller.signal);
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.5));
    post({
      source: BRIDGE_SOURCE,
      rows: Array.from({ length: 5000 }, (_, i) => ({
        productOrderNo: String(2026112400000001 + i),
        productOptions: '포장: 선물포장',
        quantity: '2',
      })),
    });
    const firstSlice = extra.size;
    now.mockRestore();
    expect(firstSlice).toBeGreaterThan(0);
    expect(firstSlice).toBeLessThan(5000); // the rest after the page had the main thread back
    expect(onRows).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onRows).toHaveBeenCalledTimes(1));
    expect(extra.size).toBe(5000);
    expect(extra.get('2026112400000001')).toEqual({ productOptions: '포장: 선물포장', quantity: 2 });
    controller.abort();
  });
});
