import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { matchesPattern, type CustomAdmin } from '@/utils/shared/custom-admin';
import { SETTINGS, areaKey } from '@/utils/shared/storage-keys';

const SETTINGS_KEY = areaKey(SETTINGS.key);

// What the custom admin's content script needs of the stored settings, read and checked in zod/mini with only
// the blocks every content script carries anyway (object, string, optional, literal, refine): the shared
// CustomAdminSchema (union, regex, trim, lengths, array) would add ~4 kB on every page of that admin, and the
// full settings schema (classic zod) four times the script's size. Same limits as CustomAdminSchema; the
// background has migrated and checked the stored settings before it registers this script.
const bounded = (max: number) => z.string().check(z.refine((s) => s.length >= 1 && s.length <= max));
const Field = z
  .object({ selector: z.optional(bounded(300)), header: z.optional(bounded(50)) })
  .check(z.refine((f) => (f.selector === undefined) !== (f.header === undefined)));
const optionalField = z.optional(Field);
const CustomAdminLean = z.object({
  name: z.string().check(z.refine((s) => s.trim().length >= 1 && s.trim().length <= 40)),
  urlPattern: z.string().check(z.refine((s) => /^https:\/\/[^/*]+(\/.*)?$/.test(s))),
  rowSelector: bounded(300),
  fields: z.object({
    orderNo: Field,
    productOrderNo: optionalField,
    buyerName: Field,
    buyerId: optionalField,
    buyerPhone: optionalField,
    receiverName: optionalField,
    productName: Field,
    productOptions: optionalField,
    quantity: optionalField,
    status: optionalField,
    courier: optionalField,
    trackingNo: optionalField,
  }),
});
const SettingsLean = z.object({ store: z.object({ admins: z.object({ custom: z.literal([true, false]) }) }) });

/** The described admin for this page, if custom admins are on and one matches; anything malformed is none. */
export async function customAdminFor(url: URL): Promise<CustomAdmin | undefined> {
  const stored: Record<string, unknown> = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}));
  const raw = stored[SETTINGS_KEY] as { customAdmins?: unknown } | undefined;
  const settings = SettingsLean.safeParse(raw);
  if (!settings.success || !settings.data.store.admins.custom || !Array.isArray(raw?.customAdmins)) return undefined;
  // Checked one by one: a malformed entry is skipped, never used.
  for (const item of raw.customAdmins) {
    const admin = CustomAdminLean.safeParse(item);
    // Field is one of { selector } or { header } (the refine above): CustomAdmin's union, as the locator reads it.
    if (admin.success && matchesPattern(admin.data.urlPattern, url)) return admin.data as CustomAdmin;
  }
  return undefined;
}
