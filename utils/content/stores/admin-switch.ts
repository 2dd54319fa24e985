import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { BuiltInAdminId } from '@/utils/shared/store-admins';
import { SETTINGS, areaKey } from '@/utils/shared/storage-keys';

const SETTINGS_KEY = areaKey(SETTINGS.key);

// Whether the operator left a built-in admin switched on (options: "'카톡 알림' 버튼을 달 관리자 화면"). Read
// from storage.local in zod/mini with the blocks the content script carries anyway (object, optional,
// literal): see custom-config.ts for why not the full settings schema.
const flag = z.optional(z.literal([true, false]));
const switchSchema = (id: BuiltInAdminId) =>
  z.object({ store: z.object({ admins: z.object({ [id]: flag } as Record<BuiltInAdminId, typeof flag>) }) });

/** Off only when the stored settings say so: built-in admins are on by default, so none or unreadable is on. */
export function isAdminOn(id: BuiltInAdminId, settings: unknown): boolean {
  const parsed = switchSchema(id).safeParse(settings);
  return !parsed.success || parsed.data.store.admins[id] !== false;
}

/**
 * Tells `onSwitch` whether the admin is on: now, and again whenever the stored settings change (the page
 * stays open while the operator flips the switch in the options); `false` once `signal` aborts.
 */
export function watchAdminSwitch(id: BuiltInAdminId, signal: AbortSignal, onSwitch: (on: boolean) => void): void {
  // Read again on each change rather than take its new value: reads answer in order, so the last one wins.
  const read = () =>
    void browser.storage.local
      .get(SETTINGS_KEY)
      .then(
        (stored: Record<string, unknown>) => stored[SETTINGS_KEY],
        () => undefined,
      )
      .then((settings) => onSwitch(!signal.aborted && isAdminOn(id, settings)));
  // Not removed on abort: once aborted, a change only reads `false` again.
  browser.storage.onChanged.addListener((changes, area) => area === 'local' && SETTINGS_KEY in changes && read());
  signal.addEventListener('abort', read);
  read();
}
