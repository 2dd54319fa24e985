import { describe, expect, it } from 'vitest';
import { cafe24Admin } from '@/utils/content/stores/cafe24';
import { godomallAdmin } from '@/utils/content/stores/godomall';
import { createCustomLocator } from '@/utils/content/stores/custom';
import type { Locator } from '@/utils/content/stores/types';
import { toOrder } from '@/utils/shared/order-fields';

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
      problem: { ko: expect.stringContaining('두 번 가지 않도록'), en: expect.any(String) },
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

  it('a too-long field is called too long, with the right particle', () => {
    const r = toOrder('custom', {
      orderNo: 'A-1001',
      productOrderNo: 'A-1001',
      buyerName: '김'.repeat(10_000),
      productName: '꿀',
    });
    expect(r).toEqual({
      problem: {
        ko: '구매자명이 너무 길어요: 10,000자예요 (최대 100자). 관리자 화면의 값을 확인해 주세요.',
        en: 'The buyer name is too long: 10,000 characters (at most 100). Check the value in the admin.',
      },
    });
    const missing = toOrder('custom', { orderNo: 'A-1001', productOrderNo: 'A-1001', productName: '꿀' });
    expect(missing).toMatchObject({
      problem: { ko: '이 줄에서 구매자명을 찾을 수 없어요. 열이 숨겨져 있으면 표시해 주세요.' },
    });
    const courier = toOrder('custom', {
      orderNo: 'A-1001',
      productOrderNo: 'A-1001',
      buyerName: '김',
      productName: '꿀',
      courier: 'x'.repeat(61),
    });
    expect(courier).toMatchObject({ problem: { ko: expect.stringMatching(/^택배사가 너무 길어요/) } });
  });
});
