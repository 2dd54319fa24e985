import { browser } from 'wxt/browser';
import { POPUP_CACHE, areaKey } from '@/utils/shared/storage-keys';

// The view the background cached at the last refresh (utils/background/popup-state.ts), read for a first
// paint with no wait on the background or Kakao. No zod here: entrypoints/popup/early-cache.ts starts this
// read before anything else of the popup is evaluated; readPopupCache (components/popup/popup-view.ts)
// validates it.

/** The storage.local key the background writes the popup's last view under. */
export const POPUP_CACHE_KEY = areaKey(POPUP_CACHE.key);

export function startPopupCacheRead(): Promise<unknown> {
  return browser.storage.local.get(POPUP_CACHE_KEY).then(
    (r) => r[POPUP_CACHE_KEY],
    () => undefined,
  );
}
