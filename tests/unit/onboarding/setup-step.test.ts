import { describe, expect, it } from 'vitest';
import { nextSetupStep, wizardPageFor, type SetupInput } from '@/utils/shared/setup-step';

const KEY = '0123456789abcdef0123456789abcdef';
const out = { configured: true, signedIn: false, missingScopes: ['profile_nickname', 'friends', 'talk_message'] };
const inn = { configured: true, signedIn: true, missingScopes: [] as string[] };
const noKey = { kakao: { restApiKey: '' }, store: { name: '', url: '' } };
const keyOnly = { kakao: { restApiKey: KEY }, store: { name: '', url: '' } };
const full = { kakao: { restApiKey: KEY }, store: { name: '상점', url: 'https://a.kr' } };
const all = { sendToMeAt: 1, teamMemberAt: 2, noticeViewedAt: 3 };

describe('next setup step', () => {
  const table: [string, SetupInput, ReturnType<typeof nextSetupStep>][] = [
    ['nothing known', {}, 'unknown'],
    ['no key (settings)', { settings: noKey }, 'rest-key'],
    ['no key (auth only)', { auth: { ...out, configured: false } }, 'rest-key'],
    ['key saved, auth unknown', { settings: keyOnly }, 'unknown'],
    ['key saved, signed out', { auth: out, settings: keyOnly, reviewProgress: {} }, 'sign-in'],
    [
      'signed in, friends missing',
      { auth: { ...inn, missingScopes: ['friends'] }, settings: keyOnly, reviewProgress: {} },
      'consent',
    ],
    [
      'signed in, nickname missing',
      { auth: { ...inn, missingScopes: ['profile_nickname'] }, settings: keyOnly, reviewProgress: {} },
      'consent',
    ],
    ['consented, no store', { auth: inn, settings: keyOnly, reviewProgress: {} }, 'store'],
    [
      'store name only',
      { auth: inn, settings: { ...full, store: { name: '상점', url: '' } }, reviewProgress: {} },
      'store',
    ],
    [
      'store blank name',
      { auth: inn, settings: { ...full, store: { name: '  ', url: 'https://a.kr' } }, reviewProgress: {} },
      'store',
    ],
    ['store set, review progress unknown', { auth: inn, settings: full }, 'unknown'],
    ['store set, nothing tested', { auth: inn, settings: full, reviewProgress: {} }, 'send-to-me'],
    ['sent to me', { auth: inn, settings: full, reviewProgress: { sendToMeAt: 1 } }, 'team-member'],
    ['team member done', { auth: inn, settings: full, reviewProgress: { sendToMeAt: 1, teamMemberAt: 2 } }, 'notice'],
    ['everything', { auth: inn, settings: full, reviewProgress: all }, 'done'],
    ['everything but signed out since', { auth: out, settings: full, reviewProgress: all }, 'sign-in'],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(nextSetupStep(input)).toBe(expected);
  });

  it('opens the wizard on the page holding the step', () => {
    expect(['rest-key', 'sign-in', 'consent', 'unknown'].map((s) => wizardPageFor(s as never))).toEqual([
      'kakao',
      'kakao',
      'kakao',
      'kakao',
    ]);
    expect(wizardPageFor('store')).toBe('store');
    expect(wizardPageFor('send-to-me')).toBe('test');
    expect(wizardPageFor('team-member')).toBe('test');
    expect(wizardPageFor('notice')).toBe('notice');
    expect(wizardPageFor('done')).toBe('review');
  });
});
