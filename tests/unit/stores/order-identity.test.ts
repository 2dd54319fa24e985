import { describe, expect, it } from 'vitest';
import { cafe24Admin } from '@/utils/content/stores/cafe24';
import { godomallAdmin } from '@/utils/content/stores/godomall';
import { createCustomLocator } from '@/utils/content/stores/custom';
import type { Locator } from '@/utils/content/stores/types';
import { browser } from 'wxt/browser';
import { toOrder } from '@/utils/shared/order-fields';
import { rowProblemText } from '@/utils/shared/row-problem-text';
import { installLanguage } from '../options/support';

// Issue #17 item 2: an order's identity must not be its row's position, which moves when a new order arrives.
const doc = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
const read = (locator: Locator, html: string, url: URL) =>
  locator.locate(doc(html), url).map((ref) => toOrder(locator.store, ref.fields()));
const keys = (rows: ReturnType<typeof read>) => rows.map((r) => ('order' in r ? r.order.productOrderNo : null));

const CAFE24 = new URL('https://myshop.cafe24.com/admin/php/shop1/s_new/order_list.php');
const cafe24Table = (rows: string[]) =>
  `<table><thead><tr><th>선택</th><th>주문번호</th><th>주문자</th><th>상품명</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
const cafe24Row = (orderNo: string, product: string, checkbox = '<input type="checkbox">') =>
  `<tr><td>${checkbox}</td><td>${orderNo}</td><td>홍길동</td><td>${product}</td></tr>`;

describe('order identity that does not move', () => {
  it('Cafe24: a new order above keeps every other row’s key (the repeat guard still finds the earlier send)', () => {
    const before = read(
      cafe24Admin.locator,
      cafe24Table([cafe24Row('20261124-0000123', '현미'), cafe24Row('20261124-0000124', '감귤')]),
      CAFE24,
    );
    const after = read(
      cafe24Admin.locator,
      cafe24Table([
        cafe24Row('20261125-0000001', '새 주문'),
        cafe24Row('20261124-0000123', '현미'),
        cafe24Row('20261124-0000124', '감귤'),
      ]),
      CAFE24,
    );
    expect(keys(before)).toEqual(['20261124-0000123', '20261124-0000124']);
    expect(keys(after)).toEqual(['20261125-0000001', '20261124-0000123', '20261124-0000124']);
  });

  it('Cafe24: several items of one order use their item codes, and without them are refused with the reason', () => {
    const coded = read(
      cafe24Admin.locator,
      cafe24Table([
        cafe24Row('20261124-0000123', '현미', '<input type="checkbox" value="20261124-0000123-01">'),
        cafe24Row('20261124-0000123', '찹쌀', '<input type="checkbox" value="20261124-0000123-02">'),
      ]),
      CAFE24,
    );
    expect(keys(coded)).toEqual(['20261124-0000123-01', '20261124-0000123-02']);
    const uncoded = read(
      cafe24Admin.locator,
      cafe24Table([cafe24Row('20261124-0000123', '현미'), cafe24Row('20261124-0000123', '찹쌀')]),
      CAFE24,
    );
    expect(keys(uncoded)).toEqual([null, null]);
    expect(uncoded[0]).toMatchObject({
      problem: { reason: 'ambiguousItem' },
    });
  });

  it('Godomall: a one-item order without its item number is keyed by the order number', () => {
    const html = `<table class="order-list"><tbody>
      <tr><td class="order-no"><a data-order-no="2611240002">2611240002</a></td><td class="js-member-info" data-member-name="김고도"></td><td><a title="상품명">사과</a></td></tr>
      <tr><td class="order-no"><a data-order-no="2611240001">2611240001</a></td><td class="js-member-info" data-member-name="이고도"></td><td><a title="상품명">배</a></td></tr>
    </tbody></table>`;
    expect(
      keys(read(godomallAdmin.locator, html, new URL('https://gdadmin.shop.godomall.com/order/order_list_all.php'))),
    ).toEqual(['2611240002', '2611240001']);
  });

  describe('custom admin', () => {
    const url = new URL('https://admin.example.com/orders');
    const config = (withItem: boolean) => ({
      name: '우리 관리자',
      urlPattern: 'https://admin.example.com/orders*',
      rowSelector: 'tbody tr',
      fields: {
        orderNo: { selector: '.no' },
        buyerName: { selector: '.buyer' },
        productName: { selector: '.product' },
        ...(withItem ? { productOrderNo: { selector: '.item' } } : {}),
      },
    });
    const row = (no: string, item: string, product: string) =>
      `<tr><td class="no">${no}</td><td class="item">${item}</td><td class="buyer">최들판</td><td class="product">${product}</td></tr>`;

    it('reads the item-number field; without one, a lone order is keyed by its number and a shared one refused', () => {
      const page = (rows: string[]) => `<table><tbody>${rows.join('')}</tbody></table>`;
      const rows = [row('A-1001', 'I-5001', '꿀'), row('A-1001', 'I-5002', '잼'), row('A-1002', 'I-5003', '떡')];
      expect(keys(read(createCustomLocator(config(true)), page(rows), url))).toEqual(['I-5001', 'I-5002', 'I-5003']);
      expect(keys(read(createCustomLocator(config(false)), page(rows), url))).toEqual([null, null, 'A-1002']);
      // A new row above changes nothing for the others.
      const moved = read(createCustomLocator(config(false)), page([row('A-1003', '', '김'), ...rows]), url);
      expect(keys(moved)).toEqual(['A-1003', null, null, 'A-1002']);
    });
  });

  it("a too-long field is called too long, in the operator's language with no particle guessed", () => {
    const r = toOrder('custom', {
      orderNo: 'A-1001',
      productOrderNo: 'A-1001',
      buyerName: '김'.repeat(10_000),
      productName: '꿀',
    });
    expect(r).toEqual({ problem: { reason: 'tooLong', field: 'buyerName', length: 10_000, max: 100 } });
    if (!('problem' in r)) throw new Error('expected a problem');
    installLanguage('ko');
    const t = (name: string) => browser.i18n.getMessage(name as never);
    expect(rowProblemText(r.problem, t)).toBe('구매자명: 너무 길어요 (최대 100자). 관리자 화면의 값을 확인해 주세요.');
    const missing = toOrder('custom', { orderNo: 'A-1001', productOrderNo: 'A-1001', productName: '꿀' });
    if (!('problem' in missing)) throw new Error('expected a problem');
    expect(rowProblemText(missing.problem, t)).toBe(
      '구매자명: 이 줄에서 찾을 수 없어요. 열이 숨겨져 있으면 표시해 주세요.',
    );
    installLanguage('en');
    expect(rowProblemText(r.problem, t)).toBe(
      'Buyer name: too long (at most 100 characters). Check the value in the admin.',
    );
    expect(rowProblemText({ reason: 'ambiguousItem' }, t)).toMatch(/^This order has several item rows/);
  });
});
