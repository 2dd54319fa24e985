import { describe, expect, it } from 'vitest';
import { authorization, newSalt, signature, signingDate } from '@/utils/background/solapi/sign';

// Vectors from /work/shared/reference/solapi.md §1.2 (computed locally with SOLAPI's formula, not SOLAPI's own).
const SECRET = 'TESTSECRETTESTSECRETTESTSECRET12';
const SALT = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';

describe('SOLAPI signing', () => {
  it('matches the reference vectors (UTC and +09:00 dates)', async () => {
    expect(await signature(SECRET, '2026-05-01T09:00:00Z', SALT)).toBe(
      'c12dcdf775f8af5750dd8e7a90bd6a99c8bdfb8fe41671a034007b69b5fa3a7d',
    );
    expect(await signature(SECRET, '2026-05-01T18:00:00+09:00', SALT)).toBe(
      '044b3e43d48901db3e0abc8ba5cab1a2637759ad2dfe35c1d338996615d81519',
    );
  });

  it("builds the header in SOLAPI's documented shape", async () => {
    const header = await authorization('NCSAYU7YDBXYORXC', SECRET, '2026-05-01T09:00:00Z', SALT);
    expect(header).toBe(
      'HMAC-SHA256 apiKey=NCSAYU7YDBXYORXC, date=2026-05-01T09:00:00Z, salt=a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4, signature=c12dcdf775f8af5750dd8e7a90bd6a99c8bdfb8fe41671a034007b69b5fa3a7d',
    );
    // Same layout as the docs example (reference §1.2).
    const docs =
      'HMAC-SHA256 apiKey=NCSAYU7YDBXYORXC, date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, signature=1779eac71a24cbeeadfa7263cb84b7ea0af1714f5c0270aa30ffd34600e363b4';
    const shape = /^HMAC-SHA256 apiKey=[^,]+, date=[^,]+, salt=[^,]+, signature=[0-9a-f]{64}$/;
    expect(docs).toMatch(shape);
    expect(header).toMatch(shape);
  });

  it('makes 32-character [0-9a-zA-Z] salts that differ each time', () => {
    const salts = Array.from({ length: 200 }, newSalt);
    for (const s of salts) expect(s).toMatch(/^[0-9a-zA-Z]{32}$/);
    expect(new Set(salts).size).toBe(200);
    // All 62 characters can appear (no truncated alphabet).
    expect(new Set(salts.join('')).size).toBe(62);
  });

  it('dates are ISO 8601 UTC without milliseconds', () => {
    expect(signingDate(Date.UTC(2026, 4, 1, 9, 0, 0, 789))).toBe('2026-05-01T09:00:00Z');
  });
});
