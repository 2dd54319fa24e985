import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { defineSealedItem, type SealedItem } from '@/utils/background/secrets/sealed-item';
import {
  KAKAO_ACCESS,
  KAKAO_CLIENT_SECRET,
  KAKAO_PENDING_AUTH,
  KAKAO_PROFILE,
  KAKAO_REFRESH_TOKEN,
} from '@/utils/shared/storage-keys';

// Where Kakao credentials live — background only. The access token sits in storage.session (gone when the
// browser closes; Chrome keeps it from content scripts, Firefox gives content scripts no session storage at
// all). The refresh token and client secret persist in storage.local only as ciphertext (utils/secrets).

const AccessSchema = z.object({ token: z.string().min(1), expiresAt: z.number() });
export type Access = z.infer<typeof AccessSchema>;

const ProfileSchema = z.object({
  id: z.number(),
  nickname: z.string().optional(),
  pictureUrl: z.string().optional(),
  grantedScopes: z.array(z.string()),
});
export type Profile = z.infer<typeof ProfileSchema>;

const PendingSchema = z.object({
  state: z.string(),
  verifier: z.string(),
  redirectUri: z.string(),
  createdAt: z.number(),
});
export type PendingAuth = z.infer<typeof PendingSchema>;

export interface TokenStore {
  getAccess(): Promise<Access | null>;
  setAccess(value: Access | null): Promise<void>;
  refresh: SealedItem;
  clientSecret: SealedItem;
  getProfile(): Promise<Profile | null>;
  setProfile(value: Profile | null): Promise<void>;
  getPending(): Promise<PendingAuth | null>;
  setPending(value: PendingAuth | null): Promise<void>;
  clearSession(): Promise<void>;
}

function validated<T>(key: `local:${string}` | `session:${string}`, schema: z.ZodType<T>) {
  const item = storage.defineItem<unknown>(key, { fallback: null });
  return {
    get: async (): Promise<T | null> => {
      const parsed = schema.nullable().safeParse(await item.getValue());
      return parsed.success ? parsed.data : null;
    },
    set: async (value: T | null) => (value === null ? item.removeValue() : item.setValue(value)),
  };
}

export function createTokenStore(sealKey?: () => Promise<CryptoKey>): TokenStore {
  const access = validated(KAKAO_ACCESS.key, AccessSchema);
  const profile = validated(KAKAO_PROFILE.key, ProfileSchema);
  // In session storage so a restarted service worker can still finish (or cleanly fail) a sign-in.
  const pending = validated(KAKAO_PENDING_AUTH.key, PendingSchema);
  const refresh = defineSealedItem(KAKAO_REFRESH_TOKEN.key, sealKey);
  return {
    getAccess: access.get,
    setAccess: access.set,
    refresh,
    clientSecret: defineSealedItem(KAKAO_CLIENT_SECRET.key, sealKey),
    getProfile: profile.get,
    setProfile: profile.set,
    getPending: pending.get,
    setPending: pending.set,
    async clearSession() {
      await Promise.all([access.set(null), refresh.set(null), profile.set(null), pending.set(null)]);
    },
  };
}
