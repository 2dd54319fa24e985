import { z } from 'zod';
import { OrderSchema } from './order';
import { SEND_STATUSES } from './send-status';
import { AlimtalkPreviewSchema, DeliverySchema, OrderChannelSchema } from './alimtalk-wire';

// Shapes that cross between the background and extension pages. Internal modules keep their own types;
// the background maps them onto these, so pages depend on this file only.

export const BilingualSchema = z.object({ ko: z.string(), en: z.string() });

export const AuthStateSchema = z.object({
  /** A Kakao app key is configured. */
  configured: z.boolean(),
  signedIn: z.boolean(),
  nickname: z.string().optional(),
  pictureUrl: z.string().optional(),
  kakaoUserId: z.number().optional(),
  grantedScopes: z.array(z.string()),
  /** Of KAKAO_SCOPES (kakao-scopes.ts): the ones not yet consented. */
  missingScopes: z.array(z.string()),
  hasClientSecret: z.boolean(),
});
export type AuthState = z.infer<typeof AuthStateSchema>;

export const FriendSchema = z.object({
  id: z.number().nullable().optional(),
  uuid: z.string(),
  nickname: z.string(),
  thumbnailUrl: z.string().optional(),
  favorite: z.boolean().optional(),
  allowedMsg: z.boolean().optional(),
});
export type Friend = z.infer<typeof FriendSchema>;

export const FriendsSchema = z.object({
  friends: z.array(FriendSchema),
  totalCount: z.number().int(),
  fetchedAt: z.number(),
});

export const QuotaSchema = z.object({
  day: z.string(),
  senderLeft: z.number().int(),
  receiverLeft: z.number().int().optional(),
  pairLeft: z.number().int().optional(),
  senderLimit: z.number().int(),
});
export type Quota = z.infer<typeof QuotaSchema>;

export const ButtonSchema = z.object({ title: z.string(), url: z.string() });

/** What the customer will see, for the KakaoTalk-like preview. */
export const PreviewSchema = z.object({
  layout: z.enum(['text', 'feed', 'commerce']),
  text: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  imageUrl: z.string().optional(),
  price: z.number().optional(),
  buttons: z.array(ButtonSchema).max(2),
  charCount: z.number().int(),
  charLimit: z.number().int(),
});
export type Preview = z.infer<typeof PreviewSchema>;

export const CheckSchema = z.object({
  check: z.string(),
  ok: z.boolean(),
  severity: z.enum(['block', 'warn']),
  ko: z.string(),
  en: z.string(),
  fixKo: z.string().optional(),
  fixEn: z.string().optional(),
  action: z.string().optional(),
});
export type Check = z.infer<typeof CheckSchema>;

export const TemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  layout: z.enum(['text', 'feed', 'commerce']),
  builtIn: z.boolean(),
});

export const SendStatusSchema = z.enum(SEND_STATUSES);
export type SendStatus = z.infer<typeof SendStatusSchema>;

/** One order as compose shows it: who it goes to, what they'll see, and whether it can be sent. */
export const ComposeItemSchema = z.object({
  order: OrderSchema,
  link: z
    .object({ friendId: z.number().nullable().optional(), friendUuid: z.string(), nickname: z.string() })
    .optional(),
  /** Why this customer cannot be linked (no buyer id or unmasked phone). */
  linkBlocked: BilingualSchema.optional(),
  preview: PreviewSchema.optional(),
  /** Names the exact message the preview shows; Send passes it back so a changed message is not sent unseen. */
  renderedKey: z.string().optional(),
  missingVariables: z.array(z.string()),
  problems: z.array(BilingualSchema.extend({ code: z.string() })),
  checks: z.array(CheckSchema),
  canSend: z.boolean(),
  needsReconfirm: z.boolean(),
  /** This notice already went (or may have gone) to this order: when, by which template, and how it ended. */
  lastSent: z.object({ at: z.number(), templateName: z.string(), status: SendStatusSchema }).optional(),
  /** Which channel can reach this order and the one chosen (absent while AlimTalk is off: friend only). */
  channel: OrderChannelSchema.optional(),
  /** The AlimTalk this order would get, when AlimTalk can reach it. */
  alimtalk: AlimtalkPreviewSchema.optional(),
});
export type ComposeItem = z.infer<typeof ComposeItemSchema>;

export const SendResultSchema = z.object({
  productOrderNo: z.string(),
  status: SendStatusSchema,
  recordId: z.string().optional(),
  /** Set for AlimTalk sends, whose delivery SOLAPI reports later. */
  channel: z.enum(['friend', 'alimtalk']).optional(),
  error: BilingualSchema.extend({ code: z.string() }).optional(),
});
export type SendResult = z.infer<typeof SendResultSchema>;

export const HistoryRecordSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  completedAt: z.number().optional(),
  store: z.string(),
  orderNo: z.string(),
  productOrderNo: z.string(),
  recipientNickname: z.string(),
  /** The order's buyer and product as the admin showed them (records written before they were kept have none). */
  buyerName: z.string().max(200).optional(),
  productName: z.string().max(500).optional(),
  templateId: z.string(),
  templateName: z.string(),
  status: SendStatusSchema,
  error: BilingualSchema.extend({ code: z.string() }).optional(),
  /** Absent on records from before AlimTalk: a friend message. */
  channel: z.enum(['friend', 'alimtalk']).optional(),
  /** AlimTalk only: the number it went to, masked (010-****-5678); the full number is never stored. */
  phoneMasked: z.string().max(20).optional(),
  /** AlimTalk only: KRW charged as SOLAPI priced it (AlimTalk, plus the SMS when it fell back). */
  cost: z.number().min(0).optional(),
  groupId: z.string().max(64).optional(),
  messageId: z.string().max(64).optional(),
  delivery: DeliverySchema.optional(),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/** Which of Kakao's review steps passed, kept by the background (utils/background/storage/review-progress.ts). */
export const ReviewProgressSchema = z.object({
  /** Epoch ms when each review/test step last passed; absent = not yet. */
  sendToMeAt: z.number().optional(),
  teamMemberAt: z.number().optional(),
  noticeViewedAt: z.number().optional(),
  /** Ticked by the operator: things only they can check in Kakao's console or on their site. */
  bizAppAt: z.number().optional(),
  appIdentityAt: z.number().optional(),
  optInPageAt: z.number().optional(),
});
export type ReviewProgress = z.infer<typeof ReviewProgressSchema>;
