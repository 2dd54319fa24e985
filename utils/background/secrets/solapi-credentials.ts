import { z } from 'zod';
import { SOLAPI_CREDENTIALS } from '@/utils/shared/storage-keys';
import { defineSealedItem } from './sealed-item';

// The SOLAPI API key and secret spend the operator's prepaid balance: both are sealed here and read only by the
// background's SOLAPI client. Pages may set or clear them and learn only whether they are set, with the key's last
// four characters to recognise it by.

/** Key and secret as SOLAPI's console shows them (letters and digits; exact lengths UNCONFIRMED, so kept loose). */
export const SolapiCredentialsSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{10,64}$/, { message: 'apiKey' }),
  apiSecret: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{16,128}$/, { message: 'apiSecret' }),
});
export type SolapiCredentialsValue = z.infer<typeof SolapiCredentialsSchema>;

export function createSolapiCredentials(sealKey?: () => Promise<CryptoKey>) {
  const item = defineSealedItem(SOLAPI_CREDENTIALS.key, sealKey);
  async function get(): Promise<SolapiCredentialsValue | null> {
    const raw = await item.get().catch(() => null);
    if (!raw) return null;
    try {
      const parsed = SolapiCredentialsSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  return {
    get,
    async set(value: SolapiCredentialsValue | null): Promise<void> {
      await item.set(value ? JSON.stringify(SolapiCredentialsSchema.parse(value)) : null);
    },
    /** What a page may know: set or not, and the key's last four characters. */
    async describe(): Promise<{ set: boolean; keyHint?: string }> {
      const c = await get();
      return c ? { set: true, keyHint: c.apiKey.slice(-4) } : { set: false };
    },
  };
}
export type SolapiCredentialsStore = ReturnType<typeof createSolapiCredentials>;
