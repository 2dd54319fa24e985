import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { BUILT_IN_ADMIN_IDS, type BuiltInAdminId } from '@/utils/shared/store-admins';

// Whether the operator left a built-in admin switched on (options: "'카톡 알림' 버튼을 달 관리자 화면"). Read
// from storage.local in zod/mini with the blocks the content script carries anyway (object, optional,
// literal): see custom-config.ts for why not the full settings schema.
const flag = z.optional(z.literal([true, false]));
const SwitchesSchema = z.object({
  store: z.object({
    admins: z.object(
      Object.fromEntries(BUILT_IN_ADMIN_IDS.map((id) => [id, flag])) as Record<BuiltInAdminId, typeof flag>,
    ),
  }),
});

/** Off only when the stored settings say so: built-in admins are on by default, so none or unreadable is on. */
export function isAdminOn(id: BuiltInAdminId, settings: unknown): boolean {
  const parsed = SwitchesSchema.safeParse(settings);
  return !parsed.success || parsed.data.store.admins[id] !== false;
}

/**
 * Runs `start` while the operator has the admin switched on: not at all while it is off; stopped (the signal
 * it was given aborts) when they switch it off, started again when they switch it back on, with the page
 * left open. Stops for good when `signal` aborts.
 */
export function whileAdminOn(id: BuiltInAdminId, signal: AbortSignal, start: (signal: AbortSignal) => void): void {
  let running: AbortController | undefined;
  const apply = (on: boolean) => {
    if (signal.aborted || on === !!running) return;
    if (on) {
      running = new AbortController();
      start(running.signal);
    } else {
      running!.abort();
      running = undefined;
    }
  };
  // A change seen before the first read answers is the newer value: the read's answer is then dropped.
  let changed = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !('settings' in changes)) return;
    changed = true;
    apply(isAdminOn(id, changes.settings!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onChanged);
    running?.abort();
  });
  void browser.storage.local.get('settings').then(
    (stored: Record<string, unknown>) => changed || apply(isAdminOn(id, stored.settings)),
    () => changed || apply(true),
  );
}
