import { z } from 'zod';

// A customer's key is HMAC-SHA256, under a random secret made in this browser, of the salted SHA-256 that
// release 1 used as the key itself. The secret lives in the links database (extension origin: content
// scripts cannot open it) and leaves it only inside an encrypted backup. Without it, the 10⁸ Korean mobile
// numbers cannot be tried against a key; with the salted hash as the HMAC's input, links kept by release 1
// are rekeyed without knowing whose they are (migrations.ts, linksDbMigrations).

export const SaltSchema = z.string().regex(/^[0-9a-f]{32}$/);
export const SecretSchema = z.string().regex(/^[0-9a-f]{64}$/);
/** What customer keys are derived with: travels only inside an encrypted backup. */
export const KeyMaterialSchema = z.object({ salt: SaltSchema, secret: SecretSchema });
export type KeyMaterial = z.infer<typeof KeyMaterialSchema>;

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** New material; an existing salt (release 1's local:linkSalt) is kept so its keys can be rekeyed. */
export function freshMaterial(salt?: string): KeyMaterial {
  return {
    salt: salt ?? toHex(crypto.getRandomValues(new Uint8Array(16))),
    secret: toHex(crypto.getRandomValues(new Uint8Array(32))),
  };
}

/** Release 1's key, today's first step: SHA-256 of salt | identity. */
export async function saltedHash(salt: string, identity: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}|${identity}`)));
}

/** The secret as a key that can sign and nothing else: not extractable, so it is never read back from memory. */
export function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromHex(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** Today's key from release 1's (a salted hash): the HMAC of it. */
export async function rekey(key: CryptoKey, salted: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(salted)));
}

/** A customer identity's key under this material. */
export async function deriveCustomerKey(material: { salt: string; key: CryptoKey }, identity: string): Promise<string> {
  return rekey(material.key, await saltedHash(material.salt, identity));
}
