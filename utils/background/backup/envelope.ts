import { z } from 'zod';
import { BACKUP_KDF_ITERATIONS, BACKUP_KDF_MAX_ITERATIONS, BACKUP_MAX_PLAIN_BYTES } from '@/utils/shared/backup';

// A backup file is a small JSON envelope around the contents: gzip-compressed (history compresses ~10×, so a
// two-year history fits in one message to the background), then AES-GCM-encrypted under a key derived from
// the operator's passphrase with PBKDF2-SHA256 and a random salt. The envelope says how, so later versions
// can raise the iteration count and still read older files.

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const EnvelopeSchema = z.object({
  format: z.literal('ordertalk-backup'),
  version: z.literal(2),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(BACKUP_KDF_ITERATIONS).max(BACKUP_KDF_MAX_ITERATIONS),
    salt: b64.length(24), // 16 bytes
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: b64.length(16) }), // 12 bytes
  compression: z.literal('gzip'),
  data: b64.min(1),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** What the ciphertext is bound to: a file whose header was edited does not decrypt. */
const AAD = new TextEncoder().encode('ordertalk-backup/2');

function toBase64(bytes: Uint8Array): string {
  let out = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack for a few MB.
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(input: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, max: number) {
  const writer = stream.writable.getWriter();
  // Written and closed while the output is read, or a large input waits on a full queue forever.
  const writing = writer.write(input).then(() => writer.close());
  writing.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw Object.assign(new Error('too large'), {
        code: 'too-large',
        ko: '백업 내용이 너무 커서 가져올 수 없어요.',
        en: 'The backup contents are too large to import.',
      });
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The contents (JSON text) as an encrypted backup file. */
export async function sealBackup(plain: string, passphrase: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, BACKUP_KDF_ITERATIONS);
  const packed = await pipe(new TextEncoder().encode(plain), new CompressionStream('gzip'), Infinity);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, packed));
  const envelope: Envelope = {
    format: 'ordertalk-backup',
    version: 2,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: BACKUP_KDF_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    compression: 'gzip',
    data: toBase64(data),
  };
  return JSON.stringify(envelope);
}

/** The contents of an encrypted backup file; a wrong passphrase (or an edited file) is said as such. */
export async function openBackup(envelope: Envelope, passphrase: string): Promise<string> {
  const key = await passphraseKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
  let packed: Uint8Array<ArrayBuffer>;
  try {
    packed = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(envelope.cipher.iv), additionalData: AAD },
        key,
        fromBase64(envelope.data),
      ),
    );
  } catch {
    throw Object.assign(new Error('wrong passphrase'), {
      code: 'wrong-passphrase',
      ko: '암호가 맞지 않아요(또는 파일이 손상됐어요). 아무것도 바뀌지 않았어요.',
      en: 'Wrong passphrase (or a damaged file). Nothing was changed.',
      fixKo: '백업을 내보낼 때 정한 암호를 입력해 주세요.',
      fixEn: 'Enter the passphrase chosen when the backup was exported.',
    });
  }
  return new TextDecoder().decode(await pipe(packed, new DecompressionStream('gzip'), BACKUP_MAX_PLAIN_BYTES));
}
