import { z } from 'zod';
import { CustomAdminInputSchema, CustomAdminSchema } from '@/utils/shared/custom-admin';
import { STORE_ADMINS, type AdminId } from '@/utils/shared/store-admins';
import { LINK_DOMAIN_PATTERN } from '@/utils/shared/link-domains';
import { ALIMTALK_FIELDS } from '@/utils/shared/alimtalk';

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

const storeName = z.string().trim().max(40);
/** Used in message links; must sit inside a registered link domain. */
const storeUrl = z.union([z.literal(''), z.url({ protocol: /^https$/ })]);
/** Web domains registered in Kakao's [Product Link]; links outside them don't open in KakaoTalk. */
const linkDomains = z.array(domain).max(10);

export const StoreSettingsSchema = z.object({
  name: storeName.default(''),
  url: storeUrl.default(''),
  linkDomains: linkDomains.default([]),
  admins: AdminSwitchesSchema.default(ADMIN_DEFAULTS),
});

/** Sender numbers are registered in SOLAPI (발신번호 사전등록제): 8–11 digits, no symbols. */
export const SENDER_NUMBER_PATTERN = /^\d{8,11}$/;
const senderNumber = z.union([z.literal(''), z.string().trim().regex(SENDER_NUMBER_PATTERN, { message: 'sender' })]);
const solapiId = z.string().trim().max(64);
/** A template's `#{변수}` → the order field it takes (saved per SOLAPI template id). */
const VariableMapSchema = z.record(z.string().max(30), z.enum(ALIMTALK_FIELDS));

/**
 * AlimTalk through the operator's SOLAPI account. The API key and secret are not settings: they are sealed in
 * the background (utils/background/secrets/solapi-credentials.ts) and never leave it.
 */
export const AlimtalkSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** The KakaoTalk channel (SOLAPI `channelId`, sent as `pfId`) and its search id, as the customer sees it. */
  channelId: solapiId.default(''),
  channelName: z.string().trim().max(100).default(''),
  /** For the SMS that SOLAPI sends instead when AlimTalk cannot arrive; empty = no fallback. */
  senderNumber: senderNumber.default(''),
  smsFallback: z.boolean().default(true),
  /** SOLAPI template id → its variables' fields. */
  mappings: z.record(solapiId, VariableMapSchema).default({}),
  /** OrderTalk notice (its template id: order-confirmed, shipped, …) → the AlimTalk template that answers it. */
  notices: z.record(z.string().max(40), solapiId).default({}),
});
export type AlimtalkSettings = z.infer<typeof AlimtalkSettingsSchema>;
const ALIMTALK_DEFAULTS: AlimtalkSettings = AlimtalkSettingsSchema.parse({});

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
  alimtalk: AlimtalkSettingsSchema.default(ALIMTALK_DEFAULTS),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * A change to the stored settings: only the fields a screen edited, applied by the background onto what is
 * stored now, so two open screens never undo each other's saves. Custom admins change one at a time.
 */
export const SettingsPatchSchema = z.strictObject({
  kakao: z.strictObject({ restApiKey: z.string().trim() }).partial().optional(),
  store: z
    .strictObject({ name: storeName, url: storeUrl, linkDomains, admins: AdminSwitchesSchema.partial() })
    .partial()
    .optional(),
  customAdmin: z
    .union([z.strictObject({ upsert: CustomAdminInputSchema }), z.strictObject({ remove: z.string() })])
    .optional(),
  historyRetentionDays: SettingsSchema.shape.historyRetentionDays.unwrap().optional(),
  sendAcknowledgedAt: z.number().int().optional(),
  alimtalk: z
    .strictObject({
      enabled: z.boolean(),
      channelId: solapiId,
      channelName: z.string().trim().max(100),
      senderNumber,
      smsFallback: z.boolean(),
    })
    .partial()
    .optional(),
  /** One template's variable fields, replaced whole. */
  alimtalkMapping: z.strictObject({ templateId: solapiId.min(1), variables: VariableMapSchema }).optional(),
  /** Which AlimTalk template answers a notice; null = none. */
  alimtalkNotice: z.strictObject({ noticeId: z.string().min(1).max(40), templateId: solapiId.nullable() }).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const MAX_CUSTOM_ADMINS = 10;

/** Applies a patch to settings (pure; the background runs it on the stored value). */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  let customAdmins = current.customAdmins;
  if (patch.customAdmin && 'upsert' in patch.customAdmin) {
    const next = patch.customAdmin.upsert;
    customAdmins = [next, ...customAdmins.filter((a) => a.name !== next.name)].slice(0, MAX_CUSTOM_ADMINS);
  } else if (patch.customAdmin && 'remove' in patch.customAdmin) {
    const name = patch.customAdmin.remove;
    customAdmins = customAdmins.filter((a) => a.name !== name);
  }
  return {
    ...current,
    kakao: { ...current.kakao, ...patch.kakao },
    store: {
      ...current.store,
      ...patch.store,
      admins: { ...current.store.admins, ...patch.store?.admins },
    },
    customAdmins,
    historyRetentionDays: patch.historyRetentionDays ?? current.historyRetentionDays,
    sendAcknowledgedAt: patch.sendAcknowledgedAt ?? current.sendAcknowledgedAt,
    alimtalk: applyAlimtalkPatch(current.alimtalk, patch),
  };
}

function applyAlimtalkPatch(current: AlimtalkSettings, patch: SettingsPatch): AlimtalkSettings {
  const next = { ...current, ...patch.alimtalk };
  if (patch.alimtalkMapping)
    next.mappings = { ...current.mappings, [patch.alimtalkMapping.templateId]: patch.alimtalkMapping.variables };
  // Another channel's templates do not answer this one's notices.
  if (patch.alimtalk?.channelId !== undefined && patch.alimtalk.channelId !== current.channelId) next.notices = {};
  if (patch.alimtalkNotice) {
    const { noticeId, templateId } = patch.alimtalkNotice;
    const notices = { ...next.notices };
    if (templateId) notices[noticeId] = templateId;
    else delete notices[noticeId];
    next.notices = notices;
  }
  return next;
}
