import { describe, expect, it } from 'vitest';
import { countStates, foldChecks, linkHost, orderState, windowBlock } from '@/components/compose/model';
import { item, order, prepared } from './compose-fixtures';

describe('compose model', () => {
  it('gives every order exactly one state', () => {
    const o = order(1);
    expect(orderState(item(o))).toBe('ready');
    expect(orderState(item(o, { linked: false, friend: undefined }))).toBe('needs-link');
    expect(orderState(item(o, { friend: { allowedMsg: false } }))).toBe('blocked');
    const sent = item(o, { alreadySent: true }, { lastSent: { at: 1, templateName: 't', status: 'sent' } });
    expect(orderState(sent)).toBe('sent');
    expect(orderState(sent, { repeatChosen: true })).toBe('ready');
    const maybe = item(o, { alreadySent: true }, { lastSent: { at: 1, templateName: 't', status: 'pending' } });
    expect(orderState(maybe)).toBe('unknown');
    // This window's result wins over what the history said.
    expect(orderState(item(o), { result: { productOrderNo: o.productOrderNo, status: 'sent' } })).toBe('sent');
    expect(orderState(item(o), { result: { productOrderNo: o.productOrderNo, status: 'unknown' } })).toBe('unknown');
    expect(orderState(item(o), { result: { productOrderNo: o.productOrderNo, status: 'failed' } })).toBe('blocked');
    expect(countStates(['ready', 'ready', 'sent'])).toEqual({
      ready: 2,
      sent: 1,
      'needs-link': 0,
      blocked: 0,
      unknown: 0,
    });
  });

  it('names one whole-window block, in order of what to fix first', () => {
    const p = prepared([]);
    expect(windowBlock(p)).toBeUndefined();
    expect(windowBlock({ ...p, auth: { configured: false, signedIn: false, missingScopes: [] } })).toBe(
      'not-configured',
    );
    expect(windowBlock({ ...p, auth: { configured: true, signedIn: false, missingScopes: ['friends'] } })).toBe(
      'signed-out',
    );
    expect(windowBlock({ ...p, auth: { configured: true, signedIn: true, missingScopes: ['friends'] } })).toBe(
      'consent',
    );
    // profile_image is not needed to send.
    expect(windowBlock({ ...p, auth: { configured: true, signedIn: true, missingScopes: ['profile_image'] } })).toBe(
      undefined,
    );
    expect(windowBlock({ ...p, store: { name: '하늘상점', url: '' } })).toBe('store-setup');
  });

  it('folds passed checks and leaves out what the banner says', () => {
    const checks = item(order(1), { signedIn: false, grantedScopes: [] }).checks;
    const plain = foldChecks(checks);
    expect(plain.problems.map((c) => c.check)).toEqual(['signed-in', 'consent-friends', 'consent-talk-message']);
    const banner = foldChecks(checks, 'signed-out');
    expect(banner.problems).toEqual([]);
    expect(banner.passed.every((c) => c.ok)).toBe(true);
  });

  it('shows the host a link opens', () => {
    expect(linkHost('https://smartstore.naver.com/haneul')).toBe('smartstore.naver.com');
    expect(linkHost('{링크}')).toBe('');
  });
});
