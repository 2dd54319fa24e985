import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '@/utils/shared/settings-schema';
import { SETTINGS } from '@/utils/shared/storage-keys';

// Versioned so later releases can reshape settings with a migration instead of losing them.
const settingsItem = storage.defineItem<unknown>(SETTINGS.key, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS.version,
});

/** Reads settings; anything stored that no longer validates falls back field by field to defaults. */
export async function getSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const partial = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    const field = SettingsSchema.shape[key].safeParse(partial[key]);
    merged[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  return SettingsSchema.parse(merged);
}

export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(next);
  await settingsItem.setValue(valid);
  return valid;
}

let queue: Promise<unknown> = Promise.resolve();

/** Read-change-write, one at a time: two saves arriving together both land, neither on a stale copy. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = queue.then(async () => saveSettings(change(await getSettings())));
  queue = next.catch(() => undefined);
  return next;
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => {
    const parsed = SettingsSchema.safeParse(raw);
    cb(parsed.success ? parsed.data : DEFAULT_SETTINGS);
  });
}
