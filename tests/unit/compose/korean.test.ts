import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { josa, withJosa, type JosaKind } from '@/utils/shared/korean';

const KINDS: JosaKind[] = ['topic', 'object', 'subject', 'direction', 'with'];
const PAIRS: Record<JosaKind, [string, string]> = {
  topic: ['은', '는'],
  object: ['을', '를'],
  subject: ['이', '가'],
  direction: ['으로', '로'],
  with: ['과', '와'],
};
/** A Hangul syllable with the given final consonant index (0 = none, 8 = ㄹ). */
const syllable = (final: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.integer({ min: 0, max: 18 }), fc.integer({ min: 0, max: 20 }), final)
    .map(([l, v, f]) => String.fromCharCode(0xac00 + (l * 21 + v) * 28 + f));
const word = (final: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.array(syllable(fc.integer({ min: 0, max: 27 })), { maxLength: 6 }), syllable(final))
    .map(([head, last]) => head.join('') + last);
const kind = fc.constantFrom(...KINDS);

describe('josa(): one particle, chosen by how the word ends', () => {
  it('a name without a final consonant takes the second form', () => {
    fc.assert(fc.property(word(fc.constant(0)), kind, (w, k) => josa(w, k) === PAIRS[k][1]));
  });

  it('a name with a final consonant other than ㄹ takes the first form', () => {
    const final = fc.integer({ min: 1, max: 27 }).filter((f) => f !== 8);
    fc.assert(fc.property(word(final), kind, (w, k) => josa(w, k) === PAIRS[k][0]));
  });

  it('ㄹ takes 로 but 을/이/은/과', () => {
    fc.assert(
      fc.property(word(fc.constant(8)), kind, (w, k) => josa(w, k) === (k === 'direction' ? '로' : PAIRS[k][0])),
    );
  });

  it('never hedges with "을(를)", for any input at all', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), kind, (w, k) => {
        const p = josa(w, k);
        return !p.includes('(') && PAIRS[k].includes(p);
      }),
    );
  });

  it('closing brackets and punctuation after a name do not change the particle', () => {
    fc.assert(
      fc.property(
        word(fc.integer({ min: 0, max: 27 })),
        fc.constantFrom(')', '"', '.', ' ', '!'),
        kind,
        (w, tail, k) => josa(`${w}${tail}`, k) === josa(w, k),
      ),
    );
  });

  it('reads digits the Korean way: 영 일 이 삼 사 오 육 칠 팔 구, and 십 백 천 만', () => {
    // 0 영, 3 삼, 6 육 end in a consonant; 1 일, 7 칠, 8 팔 in ㄹ; 2 이, 4 사, 5 오, 9 구 in a vowel.
    const expected = ['을', '을', '를', '을', '를', '를', '을', '을', '을', '를'];
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), (n) => {
        const s = String(n);
        const last = Number(s.at(-1));
        const want = last === 0 && n > 0 ? '을' : expected[last];
        return josa(`주문 ${s}`, 'object') === want;
      }),
    );
    expect(withJosa('7', 'direction')).toBe('7로');
    expect(withJosa('3', 'direction')).toBe('3으로');
    expect(withJosa('2', 'subject')).toBe('2가');
    expect(withJosa('10', 'direction')).toBe('10으로');
  });

  it('reads Latin words as they sound and acronyms letter by letter', () => {
    expect(withJosa('OrderTalk', 'topic')).toBe('OrderTalk은');
    expect(withJosa('Store', 'topic')).toBe('Store는');
    expect(withJosa('Apple', 'direction')).toBe('Apple로');
    expect(withJosa('Apple', 'object')).toBe('Apple을');
    expect(withJosa('SMS', 'object')).toBe('SMS를');
    expect(withJosa('HTML', 'direction')).toBe('HTML로');
    expect(withJosa('CJ', 'with')).toBe('CJ와');
    expect(withJosa('김민지', 'direction')).toBe('김민지로');
    expect(withJosa('김하늘', 'direction')).toBe('김하늘로');
    expect(withJosa('박지훈', 'direction')).toBe('박지훈으로');
  });

  it('reads units: 350ml 밀리리터를, 5kg 킬로그램을', () => {
    expect(withJosa('국산 참기름 350ml', 'object')).toBe('국산 참기름 350ml를');
    expect(withJosa('유기농 현미 5kg', 'object')).toBe('유기농 현미 5kg을');
    expect(withJosa('수제 딸기잼 500g', 'subject')).toBe('수제 딸기잼 500g이');
    // Any Latin word ending in a vowel letter other than an acronym reads without a final consonant.
    fc.assert(
      fc.property(
        // …except -le, read as ㄹ (Apple 애플, Table 테이블).
        fc.stringMatching(/^[a-z]{1,8}[aeiouy]$/).filter((w) => !w.endsWith('le')),
        (w) => w.length === 1 || josa(w, 'object') === '를',
      ),
    );
  });

  it('emoji and symbols after a word defer to the word', () => {
    expect(withJosa('하늘상점 🌿', 'topic')).toBe('하늘상점 🌿은');
    expect(josa('🌿', 'topic')).toBe('는');
  });
});
