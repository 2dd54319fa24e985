import { z } from 'zod';
import { CustomAdminSchema } from '@/utils/shared/custom-admin';
import { LINK_DOMAIN_PATTERN } from '@/utils/shared/link-domains';

// Kakao REST API keys are 32 lowercase hex characters.
export const REST_API_KEY_PATTERN = /^[0-9a-f]{32}$/;

const domain = z.string().trim().toLowerCase().regex(LINK_DOMAIN_PATTERN, { message: 'domain' });

export const KakaoAppSettingsSchema = z.object({
  /** The operator's own app key; empty until set up. */
  restApiKey: z.string().trim().default(''),
  // The client secret is not a setting: it is sealed in the background's secret store (utils/secrets).
});

export const StoreSettingsSchema = z.object({
  name: z.string().trim().max(40).default(''),
  /** Used in message links; must sit inside a registered link domain. */
  url: z.union([z.literal(''), z.url({ protocol: /^https$/ })]).default(''),
  /** Web domains registered in Kakao's [Product Link]; links outside them don't open in KakaoTalk. */
  linkDomains: z.array(domain).max(10).default([]),
  admins: z
    .object({ smartstore: z.boolean(), cafe24: z.boolean(), godomall: z.boolean(), custom: z.boolean() })
    .default({ smartstore: true, cafe24: true, godomall: true, custom: false }),
});

export const SettingsSchema = z.object({
  kakao: KakaoAppSettingsSchema.default({ restApiKey: '' }),
  store: StoreSettingsSchema.default({
    name: '',
    url: '',
    linkDomains: [],
    admins: { smartstore: true, cafe24: true, godomall: true, custom: false },
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
