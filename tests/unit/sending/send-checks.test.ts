import { describe, expect, it } from 'vitest';
import { sendChecks, type EligibilityInput } from '@/utils/background/sending/send-checks';

const ok: EligibilityInput = {
  signedIn: true,
  grantedScopes: ['profile_nickname', 'friends', 'talk_message'],
  linked: true,
  friend: { allowedMsg: true },
  quota: { senderLeft: 100, receiverLeft: 100, pairLeft: 20 },
  alreadySent: false,
  renderProblems: [],
};
const failing = (i: EligibilityInput) =>
  sendChecks(i)
    .checks.filter((c) => !c.ok)
    .map((c) => c.check);

describe('eligibility', () => {
  it('passes when everything holds', () => {
    expect(sendChecks(ok)).toMatchObject({ canSend: true, needsReconfirm: false });
  });

  it.each([
    [{ signedIn: false }, 'signed-in', 'sign-in'],
    [{ grantedScopes: ['talk_message'] }, 'consent-friends', 'grant-consent'],
    [{ grantedScopes: ['friends'] }, 'consent-talk-message', 'grant-consent'],
    [{ linked: false, friend: undefined }, 'linked', 'link'],
    [{ friend: undefined }, 'in-friends-list', 'relink'],
    [{ friend: { allowedMsg: false } }, 'allowed-msg', undefined],
    [{ quota: { senderLeft: 0 } }, 'quota-sender', undefined],
    [{ quota: { senderLeft: 5, receiverLeft: 0 } }, 'quota-receiver', undefined],
    [{ quota: { senderLeft: 5, pairLeft: 0 } }, 'quota-pair', undefined],
    [{ renderProblems: [{ ko: '링크', en: 'link' }] }, 'template-ok', undefined],
  ] as const)('%o blocks with %s and says how to fix it', (patch, check, action) => {
    const r = sendChecks({ ...ok, ...patch } as EligibilityInput);
    expect(failing({ ...ok, ...patch } as EligibilityInput)).toEqual([check]);
    expect(r.canSend).toBe(false);
    const item = r.checks.find((c) => c.check === check)!;
    expect(item.fixKo).toBeTruthy();
    expect(item.fixEn).toBeTruthy();
    expect(item.action).toBe(action);
  });

  it('a repeat is a warning that asks again, not a block', () => {
    expect(sendChecks({ ...ok, alreadySent: true })).toMatchObject({ canSend: true, needsReconfirm: true });
  });

  it('explains an unlinkable customer instead of offering to link', () => {
    const r = sendChecks({
      ...ok,
      linked: false,
      friend: undefined,
      linkBlocked: { ko: '구매자 ID 없음', en: 'no id' },
    });
    expect(r.checks.find((c) => c.check === 'linked')).toMatchObject({ fixKo: '구매자 ID 없음', action: undefined });
  });
});
