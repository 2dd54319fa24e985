import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Account } from './scenario';
import { SKEW_MS, type World } from './state';

// SOLAPI's HMAC header (reference §1.2–1.4): `HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…`, field names
// in any case (the SDKs differ), signature = hex HMAC(secret, date + salt). Statuses: InvalidAPIKey 403,
// SignatureDoesNotMatch 400 (observed live; docs say 403), RequestTimeTooSkewed 403, DuplicatedSignature 403.
// The errorMessage texts other than SignatureDoesNotMatch's are UNCONFIRMED.

export type AuthResult =
  { ok: true; account: Account } | { ok: false; status: number; errorCode: string; errorMessage: string };

const fail = (status: number, errorCode: string, errorMessage: string): AuthResult => ({
  ok: false,
  status,
  errorCode,
  errorMessage,
});

export function parseAuthorization(header: string): Record<string, string> | null {
  const m = /^\s*HMAC-(SHA256|MD5)\s+(.+)$/i.exec(header);
  if (!m) return null;
  const fields: Record<string, string> = { algorithm: m[1]!.toUpperCase() };
  for (const part of m[2]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    fields[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  return fields;
}

export function expectedSignature(secret: string, date: string, salt: string, algorithm = 'SHA256'): string {
  return createHmac(algorithm === 'MD5' ? 'md5' : 'sha256', secret)
    .update(date + salt)
    .digest('hex');
}

export function authenticate(world: World, header: string | undefined): AuthResult {
  const f = header ? parseAuthorization(header) : null;
  if (!f?.apikey) return fail(403, 'InvalidAPIKey', 'API Key 가 올바르지 않습니다.');
  const account = world.accounts.get(f.apikey);
  if (!account) return fail(403, 'InvalidAPIKey', 'API Key 가 올바르지 않습니다.');
  const { date = '', salt = '', signature = '' } = f;
  const want = Buffer.from(expectedSignature(account.apiSecret, date, salt, f.algorithm));
  const got = Buffer.from(signature.toLowerCase());
  if (!salt || want.length !== got.length || !timingSafeEqual(want, got))
    return fail(400, 'SignatureDoesNotMatch', '생성한 signature를 확인하세요.');
  const at = Date.parse(date);
  const now = world.clock.now();
  if (!Number.isFinite(at) || Math.abs(now - at) > SKEW_MS)
    return fail(403, 'RequestTimeTooSkewed', '요청 시간이 서버 시간과 15분 이상 차이가 납니다.');
  for (const [sig, until] of world.usedSignatures) if (until <= now) world.usedSignatures.delete(sig);
  if (world.usedSignatures.has(signature))
    return fail(403, 'DuplicatedSignature', '15분 내에 사용된 signature 입니다.');
  world.usedSignatures.set(signature, now + SKEW_MS);
  return { ok: true, account };
}
