import { describe, expect, it, vi } from 'vitest';
import { listenToBridge } from '@/utils/content/stores/graphql-bridge';
import { BRIDGE_SOURCE, walkRows } from '@/utils/content/stores/graphql-rows';
import type { Order } from '@/utils/shared/order';
import type { PageData } from '@/utils/content/stores/types';

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

  it("keeps the keys of the newest answer as the grid's data set (valid rows only), older answers' rows as data", async () => {
    const extra: PageData = new Map();
    const onRows = vi.fn();
    const controller = new AbortController();
    listenToBridge(window, extra, onRows, controller.signal);
    post({ source: BRIDGE_SOURCE, set: 1, rows: [{ productOrderNo: '2026112400000001' }] });
    post({
      source: BRIDGE_SOURCE,
      set: 2,
      rows: [{ productOrderNo: '2026112400000002' }, { productOrderNo: '주문##' }],
    });
    post({ source: BRIDGE_SOURCE, set: 2, rows: [{ productOrderNo: '2026112400000003' }] });
    post({ source: BRIDGE_SOURCE, set: 1, rows: [{ productOrderNo: '2026112400000004' }] }); // a late part of an older answer
    await vi.waitFor(() => expect(onRows).toHaveBeenCalledTimes(4));
    expect(extra.latest).toEqual(['2026112400000002', '2026112400000003']);
    expect([...extra.keys()].sort()).toEqual([
      '2026112400000001',
      '2026112400000002',
      '2026112400000003',
      '2026112400000004',
    ]);
    controller.abort();
  });

  it("walks a 5,000-row answer in slices of the page's tasks, in document order, in parts of at most 500", () => {
    const answer = {
      data: {
        list: {
          elements: Array.from({ length: 5000 }, (_, i) => ({
            productOrderNo: 2026112400000001 + i,
            orderMemberId: `b${i}`,
            x: { y: 1 },
          })),
        },
      },
    };
    const parts: { n: number; done: boolean }[] = [];
    const rows: Record<string, string>[] = [];
    const later: (() => void)[] = [];
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.5));
    walkRows(
      answer,
      (part, done) => (parts.push({ n: part.length, done }), rows.push(...part)),
      (f) => later.push(f),
    );
    expect(later).toHaveLength(1); // the walk stopped and asked for another task
    expect(rows.length).toBeLessThan(5000);
    while (later.length) later.shift()!();
    now.mockRestore();
    expect(rows.map((r) => r.productOrderNo)).toEqual(answer.data.list.elements.map((e) => String(e.productOrderNo)));
    expect(rows[7]).toEqual({ productOrderNo: '2026112400000008', buyerId: 'b7' });
    expect(Math.max(...parts.map((p) => p.n))).toBeLessThanOrEqual(500);
    expect(parts.filter((p) => p.done)).toHaveLength(1);
    expect(parts.at(-1)!.done).toBe(true);
  });
});
