import { z } from 'zod';
import { CustomAdminSchema } from '@/utils/shared/custom-admin';
import { STORE_ADMINS, type AdminId } from '@/utils/shared/store-admins';
import { LINK_DOMAIN_PATTERN } from '@/utils/shared/link-domains';

// Kakao REST API keys are 32 lowercase hex characters.
export const REST_API_KEY_PATTERN = /^[0-9a-f]{32}$/;

const domain = z.string().trim().toLowerCase().regex(LINK_DOMAIN_PATTERN, { message: 'domain' });

export const KakaoAppSettingsSchema = z.object({
  /** The operator's own app key; empty until set up. */
  restApiKey: z.string().trim().default(''),
  // The client secret is not a setting: it is sealed in the background's secret store (utils/secrets).
});

/** Which admins get the button: one switch per admin in utils/shared/store-admins.ts, and `custom`. */
const ADMIN_IDS: AdminId[] = [...STORE_ADMINS.map((a) => a.id), 'custom'];
const AdminSwitchesSchema = z.object(
  Object.fromEntries(ADMIN_IDS.map((id) => [id, z.boolean()])) as Record<AdminId, z.ZodBoolean>,
);
/** Built-in admins are on until the operator switches one off; described admins wait until one is described. */
const ADMIN_DEFAULTS = Object.fromEntries(ADMIN_IDS.map((id) => [id, id !== 'custom'])) as Record<AdminId, boolean>;

export const StoreSettingsSchema = z.object({
  name: z.string().trim().max(40).default(''),
  /** Used in message links; must sit inside a registered link domain. */
  url: z.union([z.literal(''), z.url({ protocol: /^https$/ })]).default(''),
  /** Web domains registered in Kakao's [Product Link]; links outside them don't open in KakaoTalk. */
  linkDomains: z.array(domain).max(10).default([]),
  admins: AdminSwitchesSchema.default(ADMIN_DEFAULTS),
});

export const SettingsSchema = z.object({
  kakao: KakaoAppSettingsSchema.default({ restApiKey: '' }),
  store: StoreSettingsSchema.default({
    name: '',
    url: '',
    linkDomains: [],
    admins: ADMIN_DEFAULTS,
  }),
  /** Admins the operator described with selectors (each needs its site's permission, asked at save). */
  customAdmins: z.array(CustomAdminSchema).max(10).default([]),
  /** Days of send history to keep. */
  historyRetentionDays: z.number().int().min(7).max(3650).default(365),
  /** The operator ticked "messages go only on my click" once (Kakao's review asks for it). */
  sendAcknowledgedAt: z.number().int().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
