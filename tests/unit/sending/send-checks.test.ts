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

  it('lists only the checks it made: no friend found is not "accepts messages", no receiver quota is not "can receive"', () => {
    const notLinked = sendChecks({ ...ok, linked: false, friend: undefined, quota: { senderLeft: 100 } });
    const ids = notLinked.checks.map((c) => c.check);
    expect(ids).not.toContain('in-friends-list');
    expect(ids).not.toContain('allowed-msg');
    expect(ids).not.toContain('quota-receiver');
    expect(ids).not.toContain('quota-pair');
    // A linked friend missing from the list: that check is made and fails, the friend's own checks are not.
    const gone = sendChecks({ ...ok, friend: undefined }).checks.map((c) => c.check);
    expect(gone).toContain('in-friends-list');
    expect(gone).not.toContain('allowed-msg');
  });

  it('a failing check reads as a problem, not as the passing statement with a cross', () => {
    const r = sendChecks({ ...ok, friend: { allowedMsg: false } }).checks.find((c) => c.check === 'allowed-msg')!;
    expect(r.ko).toBe('고객이 메시지 수신을 거부했어요');
    expect(r.en).toBe('The customer refuses messages');
  });

  it('a missing courier or tracking number says to register the shipment first, once', () => {
    const r = sendChecks({
      ...ok,
      renderProblems: [
        { code: 'missing-variable', ko: '{택배사} 값이 주문에 없어요.', en: 'The order has no value for {택배사}.' },
        {
          code: 'missing-variable',
          ko: '{송장번호} 값이 주문에 없어요.',
          en: 'The order has no value for {송장번호}.',
        },
      ],
    });
    expect(r.canSend).toBe(false);
    const failing = r.checks.filter((c) => !c.ok);
    expect(failing.map((c) => c.check)).toEqual(['shipment']);
    expect(failing[0]!.fixKo).toContain('발송 처리');
    expect(failing[0]!.fixEn).toContain('Register the shipment');
  });

  it('an unknown variable lists the known ones, each problem on its own line', () => {
    const r = sendChecks({
      ...ok,
      renderProblems: [
        { code: 'unknown-variable', ko: '모르는 변수예요: {고객명}', en: 'Unknown variable: {고객명}' },
        {
          code: 'missing-variable',
          ko: '{스토어명} 값이 주문에 없어요.',
          en: 'The order has no value for {스토어명}.',
        },
      ],
    });
    const t = r.checks.find((c) => c.check === 'template-ok')!;
    expect(t.fixKo!.split('\n')).toEqual([
      '템플릿에 없는 변수 {고객명}이 있어요. 쓸 수 있는 변수: {구매자명} {상품명} {주문번호} {택배사} {송장번호} {스토어명} {링크}',
      '{스토어명} 값이 주문에 없어요.',
    ]);
    expect(t.fixEn!.split('\n')[0]).toContain('Known: {구매자명}');
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
