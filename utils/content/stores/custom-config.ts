import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CustomAdminSchema, matchesPattern, type CustomAdmin } from '@/utils/shared/custom-admin';
import { SETTINGS, areaKey } from '@/utils/shared/storage-keys';

const SETTINGS_KEY = areaKey(SETTINGS.key);

// What the custom admin's content script needs of the stored settings, read and checked in zod/mini: the
// full settings schema (classic zod) and WXT storage would make that script four times the size on every
// page of the operator's admin. The background has migrated the stored settings before it registers it.
const CustomAdminSettingsSchema = z.object({
  store: z.object({ admins: z.object({ custom: z.boolean() }) }),
  customAdmins: z.array(CustomAdminSchema),
});

/** The described admin for this page, if custom admins are on and one matches; anything malformed is none. */
export async function customAdminFor(url: URL): Promise<CustomAdmin | undefined> {
  const stored: Record<string, unknown> = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}));
  const settings = CustomAdminSettingsSchema.safeParse(stored[SETTINGS_KEY]);
  if (!settings.success || !settings.data.store.admins.custom) return undefined;
  return settings.data.customAdmins.find((a) => matchesPattern(a.urlPattern, url));
}
