import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderTemplate, TEXT_LIMIT } from '@/utils/background/sending/render';
import { BUILT_IN_TEMPLATES } from '@/utils/shared/templates';
import { OrderSchema, type Order } from '@/utils/shared/order';

const order: Order = {
  store: 'smartstore',
  orderNo: '2026112490000001',
  productOrderNo: '2026112400000001',
  buyerName: '김민지',
  productName: '유기농 현미 5kg',
  courier: 'CJ대한통운',
  trackingNo: '612345678901',
};
const ctx = {
  storeName: '하늘상점',
  storeUrl: 'https://smartstore.naver.com/haneul',
  linkDomains: ['smartstore.naver.com'],
};
const byId = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;

describe('templates', () => {
  it('renders every built-in for a complete order within Kakao limits', () => {
    for (const t of BUILT_IN_TEMPLATES.filter((x) => x.id !== 'free-text')) {
      const r = renderTemplate(t, order, ctx);
      expect(r.problems, t.id).toEqual([]);
      expect(r.templateObject.object_type).toBe('text');
      const text = (r.templateObject as { text: string }).text;
      expect(text).toContain('김민지');
      expect(text.length).toBeLessThanOrEqual(TEXT_LIMIT);
      expect(text).not.toMatch(/\{[^}]+\}/);
    }
  });

  it('flags a variable the order lacks and keeps it visible, never blank', () => {
    const r = renderTemplate(byId('shipped'), { ...order, trackingNo: undefined }, ctx);
    expect(r.missingVariables).toEqual(['송장번호']);
    expect(r.problems.map((p) => p.code)).toContain('missing-variable');
    expect(r.preview.text).toContain('{송장번호}');
  });

  it('rejects links outside the registered link domains', () => {
    const r = renderTemplate(byId('order-confirmed'), order, { ...ctx, storeUrl: 'https://evil.example/x' });
    expect(r.problems.some((p) => p.code === 'link-domain')).toBe(true);
    const button = (url: string) => ({ ...byId('order-confirmed'), buttons: [{ title: '보기', url }] });
    const linkProblems = (url: string) =>
      renderTemplate(button(url), order, ctx).problems.filter((p) => p.code === 'link-domain').length;
    expect(linkProblems('https://m.smartstore.naver.com/a')).toBe(0);
    expect(linkProblems('https://smartstore.naver.com.evil.example/')).toBe(1);
    expect(linkProblems('javascript:alert(1)')).toBe(1);
    // Rules of the check itself: tests/unit/foundation/link-domains.test.ts.
  });

  it('counts characters against the limit and reports going over', () => {
    const t = byId('free-text');
    const r = renderTemplate(t, order, ctx, '가'.repeat(201));
    expect(r.preview.charCount).toBe(201);
    expect(r.problems.some((p) => p.code === 'too-long')).toBe(true);
    expect(renderTemplate(t, order, ctx, '   ').problems.some((p) => p.code === 'empty')).toBe(true);
  });

  it('property: hostile order values never throw, never re-expand variables, never exceed the limit silently', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '{주문번호}',
        '{{구매자명}}',
        '\u0000\u202e',
        'a'.repeat(500),
        '"><img onerror=x>',
      ),
    );
    fc.assert(
      fc.property(hostile, hostile, fc.constantFrom(...BUILT_IN_TEMPLATES.map((t) => t.id)), (name, product, id) => {
        const candidate = { ...order, buyerName: name.trim() || '김', productName: product.trim() || '상품' };
        const parsed = OrderSchema.safeParse(candidate);
        if (!parsed.success) return;
        const r = renderTemplate(byId(id), parsed.data, ctx, id === 'free-text' ? name : undefined);
        const text = r.preview.text ?? '';
        if (text.length > TEXT_LIMIT) expect(r.problems.some((p) => p.code === 'too-long')).toBe(true);
        expect((r.templateObject as { text: string }).text.length).toBeLessThanOrEqual(TEXT_LIMIT);
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
        // A value that looks like a variable stays literal: the order number appears only where the template put it.
        if (name.includes('{주문번호}') && id === 'thanks') expect(text).toContain('{주문번호}');
      }),
      { numRuns: 150 },
    );
  });
});
