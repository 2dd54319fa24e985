import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  autoMapVariable,
  chooseChannel,
  maskPhone,
  phoneUsability,
  templateVariables,
  variableMapping,
  type Channel,
} from '@/utils/shared/alimtalk';
import { applySettingsPatch, DEFAULT_SETTINGS, SettingsPatchSchema } from '@/utils/shared/settings-schema';

const reason = (ko: string) => ({ ko, en: ko });

describe('chooseChannel', () => {
  const verdict = fc.record({ ok: fc.boolean(), reason: fc.option(fc.constant(reason('이유')), { nil: undefined }) });
  const preferred = fc.option(fc.constantFrom<Channel>('friend', 'alimtalk'), { nil: undefined });

  it('names exactly one channel that can reach the order, or none only when neither can', () => {
    fc.assert(
      fc.property(verdict, verdict, preferred, (friend, alimtalk, pick) => {
        const c = chooseChannel({ friend, alimtalk }, pick);
        if (c.channel === 'none') expect(friend.ok || alimtalk.ok).toBe(false);
        else expect({ friend, alimtalk }[c.channel].ok).toBe(true);
        // The free channel wins unless the operator picked AlimTalk.
        if (friend.ok && pick !== 'alimtalk') expect(c.channel).toBe('friend');
        if (pick && { friend, alimtalk }[pick].ok) expect(c.channel).toBe(pick);
      }),
    );
  });

  it('explains a fall to AlimTalk with the friend reason, and none with both', () => {
    const c = chooseChannel({ friend: { ok: false, reason: reason('친구 목록에 없음') }, alimtalk: { ok: true } });
    expect(c).toEqual({
      channel: 'alimtalk',
      explanation: expect.objectContaining({ ko: '친구 메시지 불가: 친구 목록에 없음 → 알림톡' }),
    });
    const none = chooseChannel({
      friend: { ok: false, reason: reason('친구 연결 필요') },
      alimtalk: { ok: false, reason: reason('전화번호가 가려져 있어요') },
    });
    expect(none.channel).toBe('none');
    expect(none.explanation!.ko).toContain('친구 연결 필요');
    expect(none.explanation!.ko).toContain('전화번호가 가려져 있어요');
  });
});

describe('template variables', () => {
  it('are read from the content, each once, and mapped by their usual names', () => {
    const content =
      '#{고객명}님, 주문(#{주문번호})의 #{상품명}을 #{택배사} #{송장번호}로 보냈어요. #{고객명}님 감사합니다. #{쿠폰}';
    expect(templateVariables(content)).toEqual(['고객명', '주문번호', '상품명', '택배사', '송장번호', '쿠폰']);
    const { mapping, unmapped } = variableMapping(content, { 쿠폰: 'storeUrl' });
    expect(mapping).toMatchObject({
      고객명: 'buyerName',
      주문번호: 'orderNo',
      송장번호: 'trackingNo',
      쿠폰: 'storeUrl',
    });
    expect(unmapped).toEqual([]);
    expect(variableMapping(content).unmapped).toEqual(['쿠폰']);
    expect(autoMapVariable('구매자 명')).toBe('buyerName');
    expect(autoMapVariable('URL')).toBe('storeUrl');
  });
});

describe('phoneUsability', () => {
  it('takes a full mobile number and refuses masked, safe and non-mobile numbers', () => {
    expect(phoneUsability('010-1234-5678')).toEqual({ ok: true, digits: '01012345678' });
    expect(phoneUsability('+82 10 1234 5678')).toEqual({ ok: true, digits: '01012345678' });
    expect(phoneUsability('010-****-5678')).toEqual({ ok: false, problem: 'masked' });
    expect(phoneUsability('0504-1234-5678')).toEqual({ ok: false, problem: 'safe-number' });
    expect(phoneUsability('02-123-4567')).toEqual({ ok: false, problem: 'not-mobile' });
    expect(phoneUsability(undefined)).toEqual({ ok: false, problem: 'missing' });
    expect(maskPhone('01012345678')).toBe('010-****-5678');
  });
});

describe('AlimTalk settings patches', () => {
  it('save a mapping and a notice, and drop notices when the channel changes', () => {
    let s = applySettingsPatch(
      DEFAULT_SETTINGS,
      SettingsPatchSchema.parse({ alimtalk: { enabled: true, channelId: 'KA01PF1' } }),
    );
    s = applySettingsPatch(s, { alimtalkMapping: { templateId: 'KA01TP1', variables: { 고객명: 'buyerName' } } });
    s = applySettingsPatch(s, { alimtalkNotice: { noticeId: 'shipped', templateId: 'KA01TP1' } });
    expect(s.alimtalk).toMatchObject({
      enabled: true,
      channelId: 'KA01PF1',
      mappings: { KA01TP1: { 고객명: 'buyerName' } },
      notices: { shipped: 'KA01TP1' },
    });
    expect(applySettingsPatch(s, { alimtalk: { channelId: 'KA01PF2' } }).alimtalk.notices).toEqual({});
    expect(
      applySettingsPatch(s, { alimtalkNotice: { noticeId: 'shipped', templateId: null } }).alimtalk.notices,
    ).toEqual({});
    expect(SettingsPatchSchema.safeParse({ alimtalk: { senderNumber: '02-123' } }).success).toBe(false);
    expect(
      SettingsPatchSchema.safeParse({ alimtalkMapping: { templateId: 'T', variables: { x: 'password' } } }).success,
    ).toBe(false);
  });
});
