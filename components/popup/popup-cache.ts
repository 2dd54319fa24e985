import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { HistoryRecordSchema, QuotaSchema } from '@/utils/messaging/wire';
import { SETUP_STEPS } from '@/utils/onboarding/setup-step';

// What the popup showed last time, so it paints at once on open (no network wait) and then refreshes.
// Display data only — never tokens or the client secret — validated on read and on write.

export const POPUP_CACHE_KEY = 'local:popupCache';

export const CachedAuthSchema = z.object({
  configured: z.boolean(),
  signedIn: z.boolean(),
  nickname: z.string().max(200).optional(),
  pictureUrl: z.string().max(2000).optional(),
  grantedScopes: z.array(z.string()).max(20),
  missingScopes: z.array(z.string()).max(20),
});
export type CachedAuth = z.infer<typeof CachedAuthSchema>;

export const RecentSendSchema = HistoryRecordSchema.pick({ id: true, createdAt: true, orderNo: true, recipientNickname: true, templateName: true, status: true });
export type RecentSend = z.infer<typeof RecentSendSchema>;

export const PopupCacheSchema = z.object({
  auth: CachedAuthSchema.optional(),
  friendsCount: z.number().int().min(0).optional(),
  quota: QuotaSchema.optional(),
  recent: z.array(RecentSendSchema).max(5).optional(),
  /** The next setup step as last computed (see utils/onboarding/setup-step). */
  nextStep: z.enum([...SETUP_STEPS, 'done']).optional(),
});
export type PopupCache = z.infer<typeof PopupCacheSchema>;

const item = storage.defineItem<unknown>(POPUP_CACHE_KEY, { fallback: {} });

export async function readPopupCache(): Promise<PopupCache> {
  try {
    const parsed = PopupCacheSchema.safeParse(await item.getValue());
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Keeps only the schema's fields (zod strips unknown keys such as kakaoUserId). */
export async function writePopupCache(next: PopupCache): Promise<void> {
  const parsed = PopupCacheSchema.safeParse(next);
  if (parsed.success) await item.setValue(parsed.data).catch(() => undefined);
}

export async function clearPopupCache(): Promise<void> {
  await item.removeValue();
}
