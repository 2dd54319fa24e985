import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  CHROME_PUBLIC_KEY,
  chromeExtensionId,
  chromeRedirectUri,
  firefoxRedirectUri,
  GECKO_ID,
} from '@/utils/shared/extension-identity';

describe('extension identity', () => {
  it('derives the Chrome id the way Chrome does (sha256 of the DER key, a-p alphabet)', async () => {
    const hex = createHash('sha256').update(Buffer.from(CHROME_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    const expected = [...hex].map((c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join('');
    expect(await chromeExtensionId()).toBe(expected);
    expect(await chromeRedirectUri()).toBe(`https://${expected}.chromiumapp.org/kakao`);
  });

  it('derives the Firefox redirect host from sha1 of the gecko id', async () => {
    const sha1 = createHash('sha1').update(GECKO_ID).digest('hex');
    expect(await firefoxRedirectUri()).toBe(`https://${sha1}.extensions.allizom.org/kakao`);
    expect(await firefoxRedirectUri('x', 'other@example.test')).not.toContain(sha1);
  });
});
