// SOLAPI's API-key HMAC header (/work/shared/reference/solapi.md §1.2): the signature covers only date + salt,
// keyed with the API secret, as lower-case hex. A signature may be used once within 15 minutes (§1.3), so every
// request and every retry gets a fresh salt and date.

const SALT_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const SALT_LENGTH = 32;

/** 32 characters from [0-9a-zA-Z], crypto RNG, without modulo bias (bytes ≥ 248 are redrawn). */
export function newSalt(): string {
  let salt = '';
  while (salt.length < SALT_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(SALT_LENGTH * 2))) {
      if (byte >= 248 || salt.length >= SALT_LENGTH) continue;
      salt += SALT_ALPHABET[byte % SALT_ALPHABET.length];
    }
  }
  return salt;
}

/** ISO 8601 UTC without milliseconds, e.g. 2026-05-01T09:00:00Z (the Go SDK's form). */
export function signingDate(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const encoder = new TextEncoder();

/** HMAC-SHA256(key = secret, data = date + salt) as lower-case hex. */
export async function signature(apiSecret: string, date: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(apiSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(date + salt)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Authorization header value. Never log it: it proves possession of the secret for 15 minutes. */
export async function authorization(apiKey: string, apiSecret: string, date: string, salt: string): Promise<string> {
  return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${await signature(apiSecret, date, salt)}`;
}
