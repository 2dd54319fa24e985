import { describe, expect, it } from 'vitest';
import { hostOf, LINK_DOMAIN_PATTERN, urlInLinkDomains } from '@/utils/shared/link-domains';
import { renderTemplate } from '@/utils/background/sending/render';
import { reviewItems } from '@/utils/shared/onboarding/review-checklist';
import { BUILT_IN_TEMPLATES } from '@/utils/shared/templates';

const DOMAINS = ['smartstore.naver.com'];
const inside = (url: string, domains = DOMAINS) => urlInLinkDomains(url, domains);

describe('urlInLinkDomains', () => {
  it('accepts the registered domain itself and its subdomains', () => {
    expect(inside('https://smartstore.naver.com/ot')).toBe(true);
    expect(inside('https://smartstore.naver.com')).toBe(true);
    expect(inside('https://m.smartstore.naver.com/ot')).toBe(true);
    expect(inside('https://a.b.smartstore.naver.com/')).toBe(true);
    expect(inside('https://SmartStore.Naver.com/ot')).toBe(true);
    expect(inside('https://smartstore.naver.com/ot', ['SmartStore.naver.com'])).toBe(true);
  });

  it('rejects a parent domain, a look-alike suffix and a look-alike prefix', () => {
    expect(inside('https://naver.com/')).toBe(false);
    expect(inside('https://evil-smartstore.naver.com/')).toBe(false);
    expect(inside('https://evilsmartstore.naver.com/')).toBe(false);
    expect(inside('https://smartstore.naver.com.evil.example/')).toBe(false);
    expect(inside('https://smartstore.naver.com@evil.example/')).toBe(false);
  });

  it('counts https only: http, other schemes and non-URLs are outside', () => {
    expect(inside('http://smartstore.naver.com/ot')).toBe(false);
    expect(inside('javascript:alert(1)')).toBe(false);
    expect(inside('ftp://smartstore.naver.com/')).toBe(false);
    expect(inside('smartstore.naver.com/ot')).toBe(false);
    expect(inside('')).toBe(false);
    expect(inside('https://smartstore.naver.com/ot', [])).toBe(false);
  });

  it('matches on the host name, whatever the port', () => {
    expect(inside('https://smartstore.naver.com:443/ot')).toBe(true);
    expect(inside('https://smartstore.naver.com:8443/ot')).toBe(true);
    expect(inside('http://smartstore.naver.com:443/ot')).toBe(false);
  });

  it('ignores surrounding spaces, as the URL parser does', () => {
    expect(hostOf('  https://smartstore.naver.com/ot ')).toBe('smartstore.naver.com');
    expect(hostOf('http://smartstore.naver.com/')).toBeUndefined();
  });

  it('is the rule both the send path and the settings checklist apply', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'order-confirmed')!;
    const order = {
      store: 'smartstore',
      orderNo: '1',
      productOrderNo: '1',
      buyerName: '김민지',
      productName: '현미',
    } as const;
    const settings = (url: string) => ({
      kakao: { restApiKey: 'k' },
      store: { name: 'a', url, linkDomains: DOMAINS },
    });
    for (const url of [
      'https://m.smartstore.naver.com/ot',
      'http://smartstore.naver.com/ot',
      'https://evil-smartstore.naver.com/',
    ]) {
      const sendOk = !renderTemplate(template, order, {
        storeName: 'a',
        storeUrl: url,
        linkDomains: DOMAINS,
      }).problems.some((p) => p.code === 'link-domain');
      const item = reviewItems({ settings: settings(url) }).find((i) => i.id === 'link-domain');
      expect({ url, sendOk, checklist: item?.done }).toEqual({ url, sendOk: inside(url), checklist: inside(url) });
    }
  });
});

describe('LINK_DOMAIN_PATTERN', () => {
  it('takes bare lowercase domains only', () => {
    expect(LINK_DOMAIN_PATTERN.test('smartstore.naver.com')).toBe(true);
    expect(LINK_DOMAIN_PATTERN.test('shop.kr')).toBe(true);
    for (const bad of ['localhost', 'https://shop.kr', 'shop.kr:8443', 'shop.kr/x', 'Shop.kr', '.shop.kr'])
      expect(LINK_DOMAIN_PATTERN.test(bad), bad).toBe(false);
  });
});
