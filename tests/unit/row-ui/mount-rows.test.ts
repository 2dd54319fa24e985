import { describe, expect, it, vi } from 'vitest';
import { mountRows } from '@/utils/row-ui/mount-rows';
import type { Adapter } from '@/utils/stores/types';
import type { Order } from '@/utils/orders/order';

const order = (n: number): Order => ({ store: 'custom', orderNo: `A-${n}`, productOrderNo: `P-${n}`, buyerName: `고객${n}`, productName: '꿀' });
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

function setup(count: number) {
  document.body.innerHTML = `<table><tbody>${Array.from({ length: count }, (_, i) => `<tr><td class="a" data-n="${i}"></td></tr>`).join('')}</tbody></table>`;
  const adapter: Adapter = (doc) => [...doc.querySelectorAll('td.a')].map((td) => ({ anchor: td, key: `P-${td.getAttribute('data-n')}`, order: order(Number(td.getAttribute('data-n'))), selected: false }));
  const controller = new AbortController();
  const openCompose = vi.fn();
  const ui = mountRows({
    doc: document,
    url: () => new URL('https://admin.example.com/'),
    adapter,
    signal: controller.signal,
    texts: { notify: '카톡 알림', bulk: (n) => `선택 ${n}`, status: { linked: '연결됨', 'needs-link': '친구 연결 필요', unreachable: '수신 불가', sent: '보냄 ✓', unknown: '결과 확인 필요' } },
    problemText: (p) => p.ko,
    openCompose,
    fetchStatuses: async (orders) => Object.fromEntries(orders.map((o) => [o.productOrderNo, { state: 'linked' as const }])),
  });
  return { controller, openCompose, ui };
}

describe('row buttons', () => {
  it('puts one button per row and never duplicates across re-renders', async () => {
    const { ui } = setup(5);
    ui.scan();
    ui.scan();
    expect(document.querySelectorAll('ordertalk-row')).toHaveLength(5);
    document.querySelector('tbody')!.innerHTML = Array.from({ length: 5 }, (_, i) => `<tr><td class="a" data-n="${i}"></td></tr>`).join('');
    await frame();
    await frame();
    expect(document.querySelectorAll('ordertalk-row')).toHaveLength(5);
    const host = document.querySelector('ordertalk-row')!;
    expect(host.shadowRoot!.querySelector('[data-testid="ordertalk-notify"]')!.getAttribute('data-order-no')).toBe('P-0');
  });

  it('shows the status badge from the background', async () => {
    setup(2);
    await vi.waitFor(() => expect(document.querySelector('ordertalk-row')!.shadowRoot!.querySelector('[data-testid="ordertalk-status"]')!.textContent).toBe('연결됨'));
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
});
