import { z } from 'zod';
import { ALIMTALK_FIELDS } from './alimtalk';

// AlimTalk shapes that cross between the background and the extension's pages (options, compose, history).
// Nothing here carries the SOLAPI key or secret: pages learn only whether they are set.

const Bilingual = z.object({ ko: z.string(), en: z.string() });

export const AlimtalkButtonSchema = z.object({
  name: z.string(),
  type: z.string(),
  url: z.string().optional(),
});

/** A template of the channel as last synced, with whether it can be chosen and why not. */
export const AlimtalkTemplateSchema = z.object({
  templateId: z.string(),
  name: z.string(),
  content: z.string(),
  status: z.string(),
  sendable: z.boolean(),
  buttons: z.array(AlimtalkButtonSchema),
  variables: z.array(z.string()),
  /** Each variable's field: saved by the operator, or guessed from its name; absent = not mapped yet. */
  mapping: z.record(z.string(), z.enum(ALIMTALK_FIELDS).optional()),
  /** Why it cannot be chosen for a notice (not approved, unmapped variables); absent = usable. */
  problem: Bilingual.optional(),
});
export type AlimtalkTemplate = z.infer<typeof AlimtalkTemplateSchema>;

export const AlimtalkStateSchema = z.object({
  credentials: z.object({ set: z.boolean(), keyHint: z.string().optional() }),
  templates: z.array(AlimtalkTemplateSchema),
  syncedAt: z.number().optional(),
  /** The channel the templates were synced from (they are another channel's when it differs from settings). */
  syncedChannelId: z.string().optional(),
});
export type AlimtalkState = z.infer<typeof AlimtalkStateSchema>;

export const AlimtalkCheckSchema = z.object({
  balance: z.number(),
  point: z.number(),
  prices: z.object({ ata: z.number(), sms: z.number(), lms: z.number() }),
  channels: z.array(z.object({ channelId: z.string(), name: z.string() })),
});
export type AlimtalkCheck = z.infer<typeof AlimtalkCheckSchema>;

/** An order's AlimTalk as compose shows it: exactly the text and buttons SOLAPI is asked to send. */
export const AlimtalkPreviewSchema = z.object({
  channelName: z.string(),
  templateName: z.string(),
  text: z.string(),
  buttons: z.array(AlimtalkButtonSchema),
  phoneMasked: z.string(),
  renderedKey: z.string(),
});
export type AlimtalkPreview = z.infer<typeof AlimtalkPreviewSchema>;

export const ChannelNameSchema = z.enum(['friend', 'alimtalk']);

/** Per order: whether each channel can reach it (and why not), and the one chosen. */
export const OrderChannelSchema = z.object({
  chosen: z.enum(['friend', 'alimtalk', 'none']),
  friend: z.object({ ok: z.boolean(), reason: Bilingual.optional() }),
  alimtalk: z.object({ ok: z.boolean(), reason: Bilingual.optional() }),
  explanation: Bilingual.optional(),
});
export type OrderChannel = z.infer<typeof OrderChannelSchema>;

/** The AlimTalk part of compose: is it on, and what it costs against the balance. */
export const ComposeAlimtalkSchema = z.object({
  enabled: z.boolean(),
  channelName: z.string().optional(),
  /** KRW per AlimTalk and per SMS fallback, from the account's own prices; absent when SOLAPI did not answer. */
  prices: z.object({ ata: z.number(), sms: z.number() }).optional(),
  balance: z.number().optional(),
  /** Why prices or balance are missing. */
  problem: Bilingual.optional(),
});
export type ComposeAlimtalk = z.infer<typeof ComposeAlimtalkSchema>;

/** How an AlimTalk send ended up, as SOLAPI last reported it. */
export const DeliverySchema = z.object({
  state: z.enum(['accepted', 'delivered', 'failed']),
  statusCode: z.string().optional(),
  smsFallback: z.boolean().optional(),
  ko: z.string(),
  en: z.string(),
  checkedAt: z.number(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
