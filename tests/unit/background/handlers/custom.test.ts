import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createCustomHandlers } from '@/utils/background/handlers/custom';
import type { CustomAdmin } from '@/utils/shared/custom-admin';
import { contentSender, send } from './support';

const config: CustomAdmin = {
  name: '우리 관리자',
  urlPattern: 'https://admin.example.com/orders*',
  rowSelector: 'tbody tr',
  fields: {
    orderNo: { selector: '.no' },
    buyerName: { header: '구매자' },
    productName: { header: '상품' },
    quantity: { header: '수량' },
  },
};

const TABLE = `<table>
  <thead><tr><th>주문번호</th><th>구매자</th><th>상품</th><th>수량</th></tr></thead>
  <tbody>
    <tr><td class="no">A1001</td><td>김하늘</td><td>현미 5kg</td><td>2개</td></tr>
    <tr><td class="no">A1002</td><td></td><td>보리 1kg</td><td>1</td></tr>
  </tbody>
</table>`;

/** executeScript runs the handler's reading function in this test's document, as the tab would. */
function tabWith(html: string) {
  document.body.innerHTML = html;
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7 }] as never);
  return vi
    .spyOn(browser.scripting, 'executeScript')
    .mockImplementation((async (injection: { func: (...a: unknown[]) => unknown; args: unknown[] }) => [
      { result: injection.func(...injection.args) },
    ]) as never);
}

describe('custom admin handlers', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('reads the open tab with the described selectors and checks each row like the content script', async () => {
    const execute = tabWith(TABLE);
    const reply = await send(createCustomHandlers(), 'custom.preview', { config });
    expect(execute).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
    expect(reply).toMatchObject({
      ok: true,
      value: {
        tabFound: true,
        rows: 2,
        // No item-number column: an order with one row is keyed by its number, never by the row's position.
        orders: [{ store: 'custom', orderNo: 'A1001', productOrderNo: 'A1001', buyerName: '김하늘', quantity: 2 }],
        problems: [{ reason: 'missing', field: 'buyerName' }],
      },
    });
  });

  it('says when no tab of that admin is open', async () => {
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
    const execute = vi.spyOn(browser.scripting, 'executeScript');
    expect(await send(createCustomHandlers(), 'custom.preview', { config })).toEqual({
      ok: true,
      value: { tabFound: false, rows: 0, orders: [], problems: [] },
    });
    expect(execute).not.toHaveBeenCalled();
  });

  it('answers with no rows, not an error, for a selector the page cannot parse', async () => {
    tabWith(TABLE);
    const reply = await send(createCustomHandlers(), 'custom.preview', { config: { ...config, rowSelector: 'tr[' } });
    expect(reply).toEqual({ ok: true, value: { tabFound: true, rows: 0, orders: [], problems: [] } });
  });

  it('refuses content scripts and a URL pattern that is not https', async () => {
    const execute = tabWith(TABLE);
    expect(await send(createCustomHandlers(), 'custom.preview', { config }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const reply = await send(createCustomHandlers(), 'custom.preview', {
      config: { ...config, urlPattern: 'http://admin.example.com/*' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(execute).not.toHaveBeenCalled();
  });
});
