import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountRows, type MountOptions } from '@/utils/content/row-ui/mount-rows';
import type { Locator, PageData } from '@/utils/content/stores/types';
import { OrderSchema, type Order } from '@/utils/shared/order';

const order = (n: number): Order => ({
  store: 'custom',
  orderNo: `A-000${n}`,
  productOrderNo: `P-000${n}`,
  buyerName: `고객${n}`,
  productName: '꿀',
});
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

const mounted: AbortController[] = [];
afterEach(() => {
  for (const c of mounted.splice(0)) c.abort();
  document.body.innerHTML = '';
});

function setup(count: number, fields: (n: number) => Partial<Order> = order) {
  document.body.innerHTML = `<table><tbody>${Array.from({ length: count }, (_, i) => `<tr><td class="a" data-n="${i}"></td></tr>`).join('')}</tbody></table>`;
  const locator: Locator = {
    store: 'custom',
    locate: (doc) =>
      [...doc.querySelectorAll('td.a')].map((td) => ({
        anchor: td,
        place: td.getAttribute('data-n')!,
        fields: () => fields(Number(td.getAttribute('data-n'))),
        selected: () => false,
      })),
  };
  const controller = new AbortController();
  mounted.push(controller);
  const openCompose = vi.fn();
  const ui = mountRows({
    doc: document,
    url: () => new URL('https://admin.example.com/'),
    locator,
    signal: controller.signal,
    texts: {
      notify: '카톡 알림',
      bulk: (n) => `선택 ${n}`,
      status: {
        linked: '연결됨',
        'needs-link': '친구 연결 필요',
        unreachable: '수신 불가',
        sent: '보냄 ✓',
        unknown: '결과 확인 필요',
      },
    },
    problemText: (p) => `${p.field === 'buyerName' ? '구매자명' : (p.field ?? '')} ${p.reason}`,
    openCompose,
    fetchStatuses: async (orders) =>
      Object.fromEntries(orders.map((o) => [o.productOrderNo, { state: 'linked' as const }])),
  });
  return { controller, openCompose, ui };
}

describe('row buttons', () => {
  it('puts one button per row and never duplicates across re-renders', async () => {
    const { ui } = setup(5);
    ui.scan();
    ui.scan();
    await vi.waitFor(() => expect(document.querySelectorAll('ordertalk-row')).toHaveLength(5));
    document.querySelector('tbody')!.innerHTML = Array.from(
      { length: 5 },
      (_, i) => `<tr><td class="a" data-n="${i}"></td></tr>`,
    ).join('');
    await frame();
    await frame();
    expect(document.querySelectorAll('ordertalk-row')).toHaveLength(5);
    const host = document.querySelector('ordertalk-row')!;
    expect(host.shadowRoot!.querySelector('[data-testid="ordertalk-notify"]')!.getAttribute('data-order-no')).toBe(
      'P-0000',
    );
  });

  it('shows the status badge from the background', async () => {
    setup(2);
    await vi.waitFor(() =>
      expect(
        document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('[data-testid="ordertalk-status"]')!
          .textContent,
      ).toBe('연결됨'),
    );
  });

  it('ignores untrusted clicks', () => {
    const { openCompose } = setup(1);
    const button = document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click'));
    expect(openCompose).not.toHaveBeenCalled();
  });

  it('removes everything when the extension context goes away', () => {
    const { controller } = setup(3);
    controller.abort();
    expect(document.querySelectorAll('ordertalk-row, ordertalk-bulk')).toHaveLength(0);
  });

  it('gives a re-rendered row its button back and does not validate the same text twice', async () => {
    setup(3);
    const before = [...document.querySelectorAll('ordertalk-row')];
    const parse = vi.spyOn(OrderSchema, 'safeParse');
    document.querySelector('tbody')!.innerHTML = [2, 1, 0]
      .map((i) => `<tr><td class="a" data-n="${i}"></td></tr>`)
      .join('');
    await frame();
    await frame();
    const after = [...document.querySelectorAll('ordertalk-row')];
    expect(after).toHaveLength(3);
    expect(after).toEqual([before[2], before[1], before[0]]); // the same elements, moved to their rows' new cells
    expect(after.map((h) => h.parentElement!.getAttribute('data-n'))).toEqual(['2', '1', '0']);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('cuts a large grid into slices, yielding to the page between them, and finishes every row', async () => {
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.5));
    setup(400);
    const firstSlice = document.querySelectorAll('ordertalk-row').length;
    now.mockRestore();
    expect(firstSlice).toBeLessThan(400); // the rest came after the page had the main thread back
    await vi.waitFor(() => expect(document.querySelectorAll('ordertalk-row')).toHaveLength(400));
  });

  it('disables the button of a row that cannot be read, and enables it once the row is readable', async () => {
    let named = false;
    setup(1, (n) => ({ ...order(n), buyerName: named ? '고객' : undefined }));
    const button = () => document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('button')!;
    await vi.waitFor(() => expect(button().disabled).toBe(true)); // the row is read after its control is in
    expect(button().title).toContain('구매자명');
    named = true;
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await vi.waitFor(() => expect(button().disabled).toBe(false));
    expect(document.querySelectorAll('ordertalk-row')).toHaveLength(1);
    expect(button().title).not.toContain('구매자명'); // the tooltip: the name and status, no reason any more
  });
});

describe('badges stay true', () => {
  /** One row whose buyer id the test sets (the page's data arriving), with the test's status answers. */
  function oneRow(fetchStatuses: MountOptions['fetchStatuses']) {
    const page: { buyerId?: string } = {};
    document.body.innerHTML = '<table><tbody><tr><td class="a" data-n="0"></td></tr></tbody></table>';
    const controller = new AbortController();
    mounted.push(controller);
    const ui = mountRows({
      doc: document,
      url: () => new URL('https://admin.example.com/'),
      locator: {
        store: 'custom',
        locate: (doc) =>
          [...doc.querySelectorAll('td.a')].map((td) => ({
            anchor: td,
            place: '0',
            fields: () => ({ ...order(0), buyerId: page.buyerId }),
            selected: () => false,
          })),
      },
      signal: controller.signal,
      texts: {
        notify: '카톡 알림',
        bulk: (n) => `선택 ${n}`,
        status: {
          linked: '연결됨',
          'needs-link': '친구 연결 필요',
          unreachable: '수신 불가',
          sent: '보냄 ✓',
          unknown: '?',
        },
      },
      problemText: (p) => p.reason,
      openCompose: vi.fn(),
      fetchStatuses,
    });
    const badge = () =>
      document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('[data-testid="ordertalk-status"]')!;
    return { page, ui, badge };
  }

  it('asks again when the buyer data of a row arrives, and when the background says a status changed', async () => {
    const asked: (string | undefined)[] = [];
    const { page, ui, badge } = oneRow(async (orders) => {
      asked.push(...orders.map((o) => o.buyerId));
      return Object.fromEntries(
        orders.map((o) => [o.productOrderNo, { state: o.buyerId ? ('linked' as const) : ('needs-link' as const) }]),
      );
    });
    await vi.waitFor(() => expect(badge().textContent).toBe('친구 연결 필요'));
    page.buyerId = 'buyer01'; // the page's GraphQL data came after the row
    ui.scan();
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await vi.waitFor(() => expect(badge().textContent).toBe('연결됨'));
    expect(asked).toEqual([undefined, 'buyer01']);
    ui.refreshStatuses();
    await vi.waitFor(() => expect(asked).toEqual([undefined, 'buyer01', 'buyer01']));
  });

  it('keeps the newer answer when an older question about the same row is answered last', async () => {
    const answers: ((s: Record<string, { state: 'linked' | 'needs-link' }>) => void)[] = [];
    // Each question waits until the test answers it.
    const { page, ui, badge } = oneRow(() => new Promise((resolve) => answers.push(resolve)));
    await vi.waitFor(() => expect(answers).toHaveLength(1)); // asked before the buyer data came
    page.buyerId = 'buyer01';
    ui.scan();
    await vi.waitFor(() => expect(answers).toHaveLength(2)); // asked again with it
    answers[1]!({ 'P-0000': { state: 'linked' } });
    await vi.waitFor(() => expect(badge().textContent).toBe('연결됨'));
    answers[0]!({ 'P-0000': { state: 'needs-link' } }); // the stale answer arrives last
    await frame();
    await frame();
    expect(badge().textContent).toBe('연결됨');
  });
});

describe('big and virtual grids', () => {
  const texts = {
    notify: '카톡 알림',
    bulk: (n: number) => `선택 ${n}`,
    status: {
      linked: '연결됨',
      'needs-link': '친구 연결 필요',
      unreachable: '수신 불가',
      sent: '보냄 ✓',
      unknown: '?',
    },
  };
  const key = (n: number) => `P-000${n}`;
  /** Rows keyed by their product order number, each with a tick box, as a virtual grid draws some of them. */
  function grid(drawn: number[], extra?: PageData, fields = vi.fn((n: number) => order(n))) {
    document.body.innerHTML = `<table><tbody>${drawn.map((n) => `<tr><td class="a" data-row-key="${n}"><input type="checkbox"></td></tr>`).join('')}</tbody></table><input type="checkbox" id="all">`;
    const controller = new AbortController();
    mounted.push(controller);
    mountRows({
      doc: document,
      url: () => new URL('https://admin.example.com/'),
      locator: {
        store: 'custom',
        virtual: true,
        locate: (doc) =>
          [...doc.querySelectorAll('td.a')].map((td) => {
            const n = Number(td.getAttribute('data-row-key'));
            return {
              anchor: td,
              place: String(n),
              key: () => key(n),
              fields: () => fields(n),
              selected: () => td.querySelector('input')!.checked,
            };
          }),
      },
      extra,
      signal: controller.signal,
      texts,
      problemText: (p) => p.reason,
      openCompose: vi.fn(),
      fetchStatuses: async () => ({}),
    });
    return { fields };
  }
  const tick = (el: HTMLInputElement, on: boolean) => {
    el.checked = on;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const bar = () => document.querySelector('ordertalk-bulk')?.shadowRoot?.querySelector('button')?.textContent;

  it('puts the controls in from the row keys alone, and reads the rows after', async () => {
    const { fields } = grid([0, 1, 2]);
    // In at once, before any row was read.
    expect([...document.querySelectorAll('ordertalk-row')].map((h) => h.getAttribute('data-key'))).toEqual([
      key(0),
      key(1),
      key(2),
    ]);
    expect(fields).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fields).toHaveBeenCalledTimes(3));
  });

  it("counts every row of the page's data set after the header's select-all, less those unticked, until the page resets the ticks", async () => {
    const extra: PageData = new Map(
      [0, 1, 2, 3, 4].map((n) => [key(n), { orderNo: `A-000${n}`, buyerName: `고객${n}`, productName: '꿀' }]),
    );
    extra.latest = [0, 1, 2, 3, 4].map(key);
    grid([0, 1], extra);
    const boxes = [...document.querySelectorAll<HTMLInputElement>('td input')];
    for (const b of boxes) b.checked = true; // the grid ticks its drawn rows…
    tick(document.querySelector<HTMLInputElement>('#all')!, true); // …when the header's box is ticked
    await vi.waitFor(() => expect(bar()).toBe('선택 5'));
    tick(boxes[1]!, false);
    await vi.waitFor(() => expect(bar()).toBe('선택 4'));
    tick(boxes[1]!, true);
    await vi.waitFor(() => expect(bar()).toBe('선택 5'));
    // A data set that does not hold the drawn rows is not this grid's: only the drawn ticks count.
    extra.latest = [9, 10].map(key);
    tick(boxes[0]!, true);
    await vi.waitFor(() => expect(bar()).toBe('선택 2'));
    extra.latest = [0, 1, 2, 3, 4].map(key);
    // The page unticks every row itself (new data): the header is unticked, and so is the bulk.
    document.querySelector<HTMLInputElement>('#all')!.checked = false;
    for (const b of boxes) b.checked = false;
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await vi.waitFor(() => expect(bar()).toBeUndefined());
  });
});
