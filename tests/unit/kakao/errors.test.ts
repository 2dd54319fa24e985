import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { CATALOG, KakaoError } from '@/utils/background/kakao/errors';

const REFERENCE = '../shared/reference/kakao-api.md';
// A copy of that section, so a clone anywhere can run this test; checked against the notes when they are there.
const COPY = 'tests/fixtures/kakao-error-codes.md';
const errorSection = (text: string) => text.split('## 7. Error codes')[1]!.split('## 8.')[0]!;

describe('Kakao error catalog', () => {
  it('explains every error code listed in the Kakao reference notes, in Korean and English with a fix', () => {
    // The notes live beside the repo (read-only shared folder) where the project is checked out.
    const path = [REFERENCE, `../${REFERENCE}`].find(existsSync);
    const section = errorSection(readFileSync(COPY, 'utf8'));
    if (path)
      expect(section, `${COPY} is out of date: copy section 7 of ${REFERENCE} again`).toBe(
        errorSection(readFileSync(path, 'utf8')),
      );
    const codes = new Set([...section.matchAll(/(?<![\w-])(-\d{1,4}|KOE\d{3})(?![\w])/g)].map((m) => m[1]!));
    expect(codes.size).toBeGreaterThan(30);
    for (const code of codes) {
      const e = new KakaoError(code);
      expect(CATALOG[code], code).toBeDefined();
      expect(e.ko).not.toMatch(/^카카오 오류/);
      expect(e.fixKo.length).toBeGreaterThan(5);
      expect(e.fixEn.length).toBeGreaterThan(5);
    }
  });

  it('keeps the code and message of unknown errors', () => {
    const e = new KakaoError('-777', 400, 'brand new failure');
    expect(e.ko).toContain('-777');
    expect(e.en).toContain('brand new failure');
  });

  it('names the consent to grant for -402 and the URI to register for KOE006', () => {
    expect(new KakaoError('-402', 403, '', { requiredScopes: ['talk_message'] })).toMatchObject({
      action: 'grant-consent',
      fixKo: expect.stringContaining('talk_message'),
    });
    expect(new KakaoError('KOE006', 400, '', { redirectUri: 'https://x.chromiumapp.org/kakao' }).fixEn).toContain(
      'https://x.chromiumapp.org/kakao',
    );
  });
});
