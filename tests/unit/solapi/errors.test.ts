import { describe, expect, it } from 'vitest';
import { SolapiError, explainError } from '@/utils/background/solapi/errors';
import { STATUS_CODES, classifyStatus } from '@/utils/background/solapi/status-codes';

describe('SOLAPI error table', () => {
  it('matches errorCodes case-insensitively (docs InvalidAPIKey, SDKs InvalidApiKey)', () => {
    const docs = explainError('InvalidAPIKey');
    expect(docs.ko).toContain('API Key');
    expect(explainError('InvalidApiKey')).toEqual(docs);
    expect(explainError('invalidapikey')).toEqual(docs);
    const e = new SolapiError('invalidapikey', 'no', 403);
    expect([e.code, e.ko, e.en, e.fixKo]).toEqual(['invalidapikey', docs.ko, docs.en, docs.fixKo]);
  });

  it('says what to do for the operator-fixable codes', () => {
    expect(explainError('RequestTimeTooSkewed').fixKo).toContain('PC 시계를 맞춰 주세요');
    expect(explainError('Forbidden').fixKo).toContain('모든 IP 허용');
    expect(explainError('NotEnoughBalance').fixKo).toContain('충전');
    expect(explainError('interrupted').ko).toBe('보내기 전에 중단되어 보내지 않았어요.');
  });

  it('names an unknown code in the generic text', () => {
    const t = explainError('SomethingNew');
    expect(t.ko).toContain('SomethingNew');
    expect(t.en).toContain('SomethingNew');
    expect(t).not.toEqual(explainError('ValidationError'));
  });
});

describe('SOLAPI status codes', () => {
  it('2000 and 3000 are accepted and not final, 4000 delivered', () => {
    expect(classifyStatus('2000', false)).toMatchObject({ outcome: 'accepted', final: false, smsFallback: false });
    expect(classifyStatus('3000', false)).toMatchObject({ outcome: 'accepted', final: false });
    expect(classifyStatus('4000', false)).toMatchObject({ outcome: 'delivered', final: true });
  });

  it('3104/3107 are final failures; a replacement marks the SMS fallback', () => {
    expect(classifyStatus('3104', false)).toMatchObject({ outcome: 'failed', final: true, smsFallback: false });
    expect(classifyStatus('3104', false).ko).toContain('카카오톡 미사용자');
    const fb = classifyStatus('3104', true);
    expect(fb).toMatchObject({ outcome: 'failed', final: true, smsFallback: true });
    expect(fb.ko).toContain('문자로');
    expect(classifyStatus('3107', false).ko).toContain('알림톡 차단 또는 72시간 미사용');
    expect(classifyStatus('1030', false).ko).toContain('잔액이 부족');
    expect(classifyStatus('2230', false).ko).toContain('잔액이 부족');
  });

  it('any other code is a final failure that names it', () => {
    const c = classifyStatus('9999', false);
    expect(c).toMatchObject({ outcome: 'failed', final: true });
    expect(c.ko).toContain('9999');
    for (const code of ['1026', '1041', '1042', '1043', '1062', '2062', '3101', '3105', '3108'])
      expect(STATUS_CODES[code]?.final, code).toBe(true);
  });
});
