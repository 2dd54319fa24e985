import { describe, expect, it } from 'vitest';
import { renderAlimtalk, templateProblem } from '@/utils/background/sending/alimtalk-render';
import type { SyncedTemplate } from '@/utils/background/storage/alimtalk-templates';
import type { Order } from '@/utils/shared/order';

const template: SyncedTemplate = {
  templateId: 'KA01TP000000000000000000000SHIP',
  name: '발송 안내',
  content: '#{고객명}님, #{상품명} 발송됐어요.\n택배사: #{택배사}\n송장번호: #{송장번호}',
  status: 'APPROVED',
  sendable: true,
  buttons: [{ name: '배송 조회', type: 'WL', url: 'https://example.com/track/#{송장번호}' }],
};
const order: Order = {
  store: 'smartstore',
  orderNo: '2026120100001',
  productOrderNo: '2026120100001001',
  buyerName: '김민지',
  buyerPhone: '010-2345-6789',
  productName: '#{고객명} 머그컵',
  courier: 'CJ대한통운',
  trackingNo: '123456789012',
};
const ctx = { storeName: '민지상점', storeUrl: 'https://smartstore.naver.com/minji' };

describe('renderAlimtalk', () => {
  it('fills each variable once, buttons too, and sends the number in digits while keeping it masked', () => {
    const r = renderAlimtalk(template, {}, order, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // A value that looks like a variable stays literal.
    expect(r.text).toBe('김민지님, #{고객명} 머그컵 발송됐어요.\n택배사: CJ대한통운\n송장번호: 123456789012');
    expect(r.variables).toEqual({
      '#{고객명}': '김민지',
      '#{상품명}': '#{고객명} 머그컵',
      '#{택배사}': 'CJ대한통운',
      '#{송장번호}': '123456789012',
    });
    expect(r.buttons[0]!.url).toBe('https://example.com/track/123456789012');
    expect(r.to).toBe('01023456789');
    expect(r.phoneMasked).toBe('010-****-6789');
    expect(r.renderedKey).not.toContain('01023456789');
  });

  it('says why it cannot: masked phone, a missing value, a template not approved or not mapped', () => {
    expect(renderAlimtalk(template, {}, { ...order, buyerPhone: '010-****-6789' }, ctx)).toMatchObject({
      ok: false,
      reason: { ko: expect.stringContaining('가려져') },
    });
    expect(renderAlimtalk(template, {}, { ...order, trackingNo: undefined }, ctx)).toMatchObject({
      ok: false,
      reason: { ko: '이 주문에 송장번호 값이 없어요' },
    });
    expect(templateProblem({ ...template, status: 'INSPECTING' }, {})!.ko).toContain('검수 중');
    expect(templateProblem({ ...template, sendable: false }, {})!.ko).toContain('지금 보낼 수 없는');
    expect(templateProblem(template, { 쿠폰: undefined })!.ko).toBe('#{쿠폰}에 넣을 주문 값을 정해 주세요');
  });
});
