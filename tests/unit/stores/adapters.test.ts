import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smartstoreAdmin } from '@/utils/content/stores/smartstore';
import { cafe24Admin } from '@/utils/content/stores/cafe24';
import { godomallAdmin } from '@/utils/content/stores/godomall';
import { createCustomLocator } from '@/utils/content/stores/custom';
import { BUILT_IN_LOCATORS } from '@/utils/content/stores/built-in';
import type { Locator } from '@/utils/content/stores/types';
import { matchesPattern } from '@/utils/shared/custom-admin';
import { OrderSchema, type Order } from '@/utils/shared/order';
import { toOrder } from '@/utils/shared/order-fields';
import { STORE_ADMINS } from '@/utils/shared/store-admins';

/** Every row a locator finds on the page, read as the row UI reads it (toOrder, in mount-rows.ts). */
function readRows(locator: Locator, d: Document, url: URL, extra?: Map<string, Partial<Order>>) {
  return locator.locate(d, url, extra).map((ref) => ({ anchor: ref.anchor, ...toOrder(locator.store, ref.fields()) }));
}
const readSmartstore = (d: Document, url: URL, extra?: Map<string, Partial<Order>>) =>
  readRows(smartstoreAdmin.locator, d, url, extra);

const SS = new URL('https://sell.smartstore.naver.com/o/v3/manage/order');
function doc(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}
const td = (key: string | number, col: string, text: string) =>
  `<td class="tui-grid-cell" data-row-key="${key}" data-column-name="${col}"><div class="tui-grid-cell-content">${text}</div></td>`;
function grid(rows: Record<string, string>[], right = ['orderMemberName', 'productName']): string {
  const l = rows
    .map(
      (r, i) =>
        `<tr>${td(i, '_checked', '<input type="checkbox">')}${td(i, 'productOrderNo', r.productOrderNo ?? '')}${td(i, 'orderNo', r.orderNo ?? '')}</tr>`,
    )
    .join('');
  const rr = rows.map((r, i) => `<tr>${right.map((c) => td(i, c, r[c] ?? '')).join('')}</tr>`).join('');
  // As TUI 4.21 renders it (docs/reference/tui-grid-real-dom.md): a header table and a body table a side, each
  // with a tbody; filler rows are ordinary rows whose cells have no row key.
  const head = (cols: string[]) =>
    `<div class="tui-grid-header-area"><table><tbody><tr>${cols.map((c) => `<th data-column-name="${c}">${c}</th>`).join('')}</tr></tbody></table></div>`;
  const dummy = `<tr><td class="tui-grid-cell tui-grid-cell-dummy" data-column-name="productOrderNo"></td></tr>`;
  return `<div class="tui-grid-container"><div class="tui-grid-lside-area">${head(['_checked', 'productOrderNo', 'orderNo'])}<div class="tui-grid-body-area"><table><tbody>${l}${dummy}</tbody></table></div></div><div class="tui-grid-rside-area">${head(right)}<div class="tui-grid-body-area"><table><tbody>${rr}</tbody></table></div></div></div>`;
}
const row = {
  productOrderNo: '2026112400000001',
  orderNo: '2026112490000001',
  orderMemberName: '김민지',
  productName: '현미',
};

describe('Smartstore locator', () => {
  it('joins the frozen left and scrolling right parts by row key and skips filler rows', () => {
    const rows = readSmartstore(
      doc(grid([row, { ...row, productOrderNo: '2026112400000002', orderMemberName: '이서준' }])),
      SS,
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => ('order' in r ? r.order.buyerName : null))).toEqual(['김민지', '이서준']);
    expect(rows[0]!.anchor.closest('td')!.getAttribute('data-column-name')).toBe('productOrderNo');
  });

  it("gives each row's key (its product order number as shown) without reading the row", () => {
    const refs = smartstoreAdmin.locator.locate(doc(grid([row, { ...row, productOrderNo: ' 2026112400000002 ' }])), SS);
    expect(refs.map((r) => r.key?.())).toEqual(['2026112400000001', '2026112400000002']);
  });

  it('fills columns virtualized out of the DOM from the page data, keeping masks', () => {
    const extra = new Map([['2026112400000001', { buyerPhone: '010-****-1234', buyerId: 'minji01' }]]);
    const [r] = readSmartstore(doc(grid([row])), SS, extra);
    expect(r).toMatchObject({ order: { buyerPhone: '010-****-1234', buyerId: 'minji01' } });
  });

  it('gives a reason instead of an order for a missing column or an unreadable order number', () => {
    const [noName] = readSmartstore(doc(grid([row], ['productName'])), SS);
    expect(noName).toMatchObject({ problem: { reason: 'missing', field: 'buyerName' } });
    const [bad] = readSmartstore(doc(grid([{ ...row, productOrderNo: '주문##' }])), SS);
    expect(bad).toMatchObject({ problem: { reason: 'unreadable', field: 'productOrderNo' } });
  });

  it('reads markup in a buyer name as text', () => {
    const [r] = readSmartstore(doc(grid([{ ...row, orderMemberName: '&lt;img src=x onerror=alert(1)&gt;김' }])), SS);
    expect(r).toMatchObject({ order: { buyerName: '<img src=x onerror=alert(1)>김' } });
  });

  it('only runs in order frames', () => {
    expect(readSmartstore(doc(grid([row])), new URL('https://sell.smartstore.naver.com/'))).toEqual([]);
    expect(readSmartstore(doc(grid([row])), new URL('https://admin.pay.naver.com/o/v3/manage/order'))).toHaveLength(1);
  });

  it('property: random and hostile cell contents never throw and only yield valid orders', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('<script>x</script>', '</td></tr><tr>', '&amp;', '', '   ', '2026112400000001'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ productOrderNo: cell, orderNo: cell, orderMemberName: cell, productName: cell }), {
          maxLength: 8,
        }),
        (rows) => {
          const out = readSmartstore(doc(grid(rows)), SS);
          for (const r of out) if ('order' in r) expect(OrderSchema.safeParse(r.order).success).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

const CAFE24 = new URL('https://myshop.cafe24.com/admin/php/shop1/s_new/order_list.php');
const GODOMALL = new URL('https://gdadmin.shop.godomall.com/order/order_list_all.php');

describe('Cafe24 and Godomall locators (best effort)', () => {
  it('reads a Cafe24 order list by its header labels', () => {
    const html = `<table><thead><tr><th>선택</th><th>주문번호</th><th>주문자</th><th>상품명</th><th>수량</th><th>주문상태</th></tr></thead>
      <tbody><tr><td><input type="checkbox"></td><td>20261124-0000123</td><td>홍길동 (hong12)</td><td>티셔츠</td><td>2</td><td>배송준비중</td></tr></tbody></table>`;
    const [r] = readRows(cafe24Admin.locator, doc(html), CAFE24);
    expect(r).toMatchObject({
      order: {
        store: 'cafe24',
        orderNo: '20261124-0000123',
        buyerName: '홍길동',
        buyerId: 'hong12',
        productName: '티셔츠',
        quantity: 2,
      },
    });
  });

  it('reads Godomall rows with the orderer in data attributes and carries rowspan values down', () => {
    const html = `<table class="table table-rows order-list"><tbody>
      <tr><td class="order-no" rowspan="2"><a data-order-no="2611240001">2611240001</a></td><td class="js-member-info" data-member-no="55" data-member-name="김고도" data-cell-phone="010-2222-3333" rowspan="2"></td><td><a title="상품명">사과</a></td><td class="goods_cnt"><strong>1</strong></td></tr>
      <tr><td><a title="상품명">배</a></td><td class="goods_cnt"><strong>3</strong></td></tr></tbody></table>`;
    const rows = readRows(godomallAdmin.locator, doc(html), GODOMALL);
    expect(
      rows.map((r) =>
        'order' in r ? [r.order.productName, r.order.buyerName, r.order.buyerPhone, r.order.productOrderNo] : null,
      ),
    ).toEqual([
      // Two items and no item number: refused, never keyed by position (tests/unit/stores/order-identity.test.ts).
      null,
      null,
    ]);
    const keyed = readRows(
      godomallAdmin.locator,
      doc(html.replaceAll('<tr>', '<tr data-order-goods-no="90000002">').replace('90000002', '90000001')),
      GODOMALL,
    );
    expect(
      keyed.map((r) =>
        'order' in r ? [r.order.productName, r.order.buyerName, r.order.buyerPhone, r.order.productOrderNo] : null,
      ),
    ).toEqual([
      ['사과', '김고도', '010-2222-3333', '90000001'],
      ['배', '김고도', '010-2222-3333', '90000002'],
    ]);
  });
});

describe('custom admin', () => {
  const config = {
    name: '우리 관리자',
    urlPattern: 'https://admin.example.com/orders*',
    rowSelector: 'table#orders tbody tr',
    fields: { orderNo: { header: '주문번호' }, buyerName: { selector: '.buyer' }, productName: { header: '상품' } },
  };
  const html = `<table id="orders"><thead><tr><th>주문번호</th><th>고객</th><th>상품</th></tr></thead><tbody>
    <tr><td>A-1001</td><td class="buyer">최들판</td><td>꿀</td></tr><tr><td>A-1002</td><td class="buyer"></td><td>잼</td></tr></tbody></table>`;

  it('applies operator selectors and header labels; a row without a buyer gets the reason', () => {
    const url = new URL('https://admin.example.com/orders?page=1');
    const rows = readRows(createCustomLocator(config), doc(html), url);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      order: { store: 'custom', orderNo: 'A-1001', buyerName: '최들판', productName: '꿀' },
    });
    expect(rows[1]).toMatchObject({ problem: { reason: 'missing', field: 'buyerName' } });
    expect(readRows(createCustomLocator(config), doc(html), new URL('https://admin.example.com/other'))).toEqual([]);
    expect(readRows(createCustomLocator({ ...config, rowSelector: '###' }), doc(html), url)).toEqual([]);
  });
});

describe('built-in admins', () => {
  const orderPages = { smartstore: SS, cafe24: CAFE24, godomall: GODOMALL };
  const otherPages = [
    new URL('https://sell.smartstore.naver.com/#/home'),
    new URL('https://myshop.cafe24.com/disp/admin/shop1/main'),
    new URL('https://www.godomall.com/order/order_list_all.php'),
    new URL('https://example.com/admin/order/o/'),
  ];

  it('each descriptor has its locator, for its own store', () => {
    expect(Object.keys(BUILT_IN_LOCATORS)).toEqual(STORE_ADMINS.map((a) => a.id));
    for (const admin of STORE_ADMINS) {
      expect(BUILT_IN_LOCATORS[admin.id]).toMatchObject({ id: admin.id, locator: { store: admin.id } });
    }
  });

  it("each order page is one admin's alone, and its content script's matches cover it", () => {
    for (const admin of STORE_ADMINS) {
      const url = orderPages[admin.id];
      expect(STORE_ADMINS.filter((a) => a.isOrderPage(url)).map((a) => a.id)).toEqual([admin.id]);
      // Match patterns' `*.` host is a glob here: the same test the custom admin's patterns get.
      expect(admin.matches.some((m) => matchesPattern(m, url))).toBe(true);
    }
    for (const url of otherPages) expect(STORE_ADMINS.filter((a) => a.isOrderPage(url))).toEqual([]);
  });

  it('locators read nothing off their order pages', () => {
    const page = doc(grid([row]));
    for (const { locator } of Object.values(BUILT_IN_LOCATORS)) {
      for (const url of otherPages) expect(locator.locate(page, url)).toEqual([]);
    }
  });
});
