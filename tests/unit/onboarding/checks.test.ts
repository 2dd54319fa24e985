import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  invalidLinkDomains,
  parseLinkDomains,
  storeUrlProblem,
  urlInLinkDomains,
} from '@/utils/shared/onboarding/store-checks';
import { optionalKeyProblem, restKeyProblem } from '@/utils/shared/onboarding/rest-key';
import { reviewItems } from '@/utils/shared/onboarding/review-checklist';
import { getReviewProgress, markReviewStep, moveLegacyTicks } from '@/utils/background/storage/review-progress';

describe('REST API key', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not-a-key', 'format'],
    ['0123456789ABCDEF0123456789ABCDEF', 'format'],
    ['0123456789abcdef0123456789abcde', 'format'],
    ['0123456789abcdef0123456789abcdef', undefined],
    [' 0123456789abcdef0123456789abcdef ', undefined],
  ])('%j → %s', (key, problem) => expect(restKeyProblem(key)).toBe(problem));

  it('allows an empty optional key', () => {
    expect(optionalKeyProblem('')).toBeUndefined();
    expect(optionalKeyProblem('xyz')).toBe('format');
  });
});

describe('store checks', () => {
  it.each([
    ['', undefined],
    ['https://smartstore.naver.com/ot', undefined],
    ['http://smartstore.naver.com', 'not-https'],
    ['smartstore.naver.com', 'not-https'],
    ['https://', 'malformed'],
    ['https://localhost', 'malformed'],
  ])('url %j → %s', (url, problem) => expect(storeUrlProblem(url)).toBe(problem));

  it('parses link domains leniently and flags bad ones', () => {
    expect(parseLinkDomains(' Smartstore.Naver.com, https://shop.kr/x  shop.kr,')).toEqual([
      'smartstore.naver.com',
      'shop.kr',
    ]);
    expect(invalidLinkDomains(['shop.kr', 'nodot', 'bad_domain.kr'])).toEqual(['nodot', 'bad_domain.kr']);
  });

  it('accepts a store URL on a registered domain or its subdomain', () => {
    expect(urlInLinkDomains('https://smartstore.naver.com/ot', ['naver.com'])).toBe(true);
    expect(urlInLinkDomains('https://smartstore.naver.com/ot', ['smartstore.naver.com'])).toBe(true);
    expect(urlInLinkDomains('https://evilnaver.com/', ['naver.com'])).toBe(false);
    expect(urlInLinkDomains('', ['naver.com'])).toBe(false);
  });
});

describe('review checklist', () => {
  const settings = {
    kakao: { restApiKey: 'k' },
    store: { name: 'a', url: 'https://shop.kr/', linkDomains: ['shop.kr'] },
  };
  it('takes each state from its source', () => {
    const items = reviewItems({
      auth: { configured: true, signedIn: true, missingScopes: [] },
      settings,
      reviewProgress: { teamMemberAt: 5 },
      ticks: { bizAppAt: 7 },
    });
    expect(Object.fromEntries(items.map((i) => [i.id, i.done]))).toEqual({
      'biz-app': true,
      'app-identity': false,
      'kakao-login': true,
      'link-domain': true,
      'opt-in-page': false,
      'team-member': true,
      notice: false,
    });
    expect(items.find((i) => i.id === 'team-member')?.at).toBe(5);
  });

  it('is all to-do when nothing is known', () => {
    expect(reviewItems({}).every((i) => !i.done)).toBe(true);
    expect(
      reviewItems({ auth: { configured: true, signedIn: true, missingScopes: ['talk_message'] } }).find(
        (i) => i.id === 'kakao-login',
      )?.done,
    ).toBe(false);
  });

  it('keeps operator ticks in the background review progress until unticked', async () => {
    fakeBrowser.reset();
    expect(await getReviewProgress()).toEqual({});
    expect(await markReviewStep('appIdentityAt', true, 42)).toEqual({ appIdentityAt: 42 });
    expect(await getReviewProgress()).toEqual({ appIdentityAt: 42 });
    expect(await markReviewStep('appIdentityAt', false)).toEqual({});
  });

  it('moves ticks the options page used to keep into the review progress, once', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      reviewTicks: { bizAppAt: 7, optInPageAt: 'garbage' },
      reviewChecklist: { sendToMeAt: 5 },
    });
    await moveLegacyTicks();
    expect(await getReviewProgress()).toEqual({ sendToMeAt: 5 });
    expect(await fakeBrowser.storage.local.get('reviewTicks')).toEqual({});
    await fakeBrowser.storage.local.set({ reviewTicks: { bizAppAt: 7 } });
    await moveLegacyTicks();
    expect(await getReviewProgress()).toEqual({ sendToMeAt: 5, bizAppAt: 7 });
  });
});
