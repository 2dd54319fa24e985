import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { seal, unseal } from './seal';
import { getSealKey } from './seal-key';

export interface SealedItem {
  get(): Promise<string | null>;
  set(value: string | null): Promise<void>;
  has(): Promise<boolean>;
}

/** A persisted secret (refresh token, client secret) stored only as ciphertext. Background use only. */
export function defineSealedItem(key: `local:${string}`, getKey: () => Promise<CryptoKey> = getSealKey): SealedItem {
  const item = storage.defineItem<string | null>(key, { fallback: null });
  const read = async () => {
    const raw = z
      .string()
      .nullable()
      .safeParse(await item.getValue());
    return raw.success ? raw.data : null;
  };
  return {
    async get() {
      const sealed = await read();
      return sealed ? unseal(await getKey(), sealed) : null;
    },
    async set(value) {
      if (value === null) await item.removeValue();
      else await item.setValue(await seal(await getKey(), value));
    },
    async has() {
      return (await read()) !== null;
    },
  };
}
