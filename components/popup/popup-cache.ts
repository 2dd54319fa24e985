import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { AuthStateSchema, HistoryRecordSchema, QuotaSchema } from '@/utils/messaging/wire';

// What the popup showed last time, so it paints at once on open (no network wait). No tokens: the same
// display data the background already gave this page.
export const PopupCacheSchema = z.object({
  auth: AuthStateSchema.optional(),
  friendsCount: z.number().int().optional(),
  quota: QuotaSchema.optional(),
  recent: z.array(HistoryRecordSchema).max(5).optional(),
});
export type PopupCache = z.infer<typeof PopupCacheSchema>;

const item = storage.defineItem<unknown>('local:popupCache', { fallback: {} });

export async function readPopupCache(): Promise<PopupCache> {
  const parsed = PopupCacheSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

export async function writePopupCache(next: PopupCache): Promise<void> {
  await item.setValue(PopupCacheSchema.parse(next));
}
