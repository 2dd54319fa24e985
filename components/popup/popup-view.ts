import { PopupViewSchema, type PopupView } from '@/utils/shared/popup-protocol';
import { startPopupCacheRead } from '@/utils/shared/popup-cache';

/** The cached view, validated; anything unreadable or malformed is an empty view. */
export async function readPopupCache(started: Promise<unknown> = startPopupCacheRead()): Promise<PopupView> {
  const parsed = PopupViewSchema.safeParse(await started.catch(() => undefined));
  return parsed.success ? parsed.data : {};
}
