import { z } from 'zod';
import { OrderSchema } from './order';
import { SettingsPatchSchema, SettingsSchema } from './settings-schema';
import { TemplateSchema } from './templates';
import { CustomAdminInputSchema } from '@/utils/shared/custom-admin';
import {
  AuthStateSchema,
  BilingualSchema,
  ComposeItemSchema,
  FriendSchema,
  FriendsSchema,
  HistoryRecordSchema,
  PreviewSchema,
  QuotaSchema,
  ReviewProgressSchema,
  SendResultSchema,
  SendStatusSchema,
  TemplateSummarySchema,
} from './wire';
import { popupProtocol } from './popup-protocol';
import { newFriendsProtocol } from './new-friends-protocol';
import { KAKAO_SCOPES } from './kakao-scopes';
import { BACKUP_MAX_FILE_CHARS, BackupPreviewSchema, PassphraseSchema } from './backup';
import { AlimtalkCheckSchema, AlimtalkStateSchema, ChannelNameSchema, ComposeAlimtalkSchema } from './alimtalk-wire';

// The one message map between contexts. Each entry names who may send it: `content` (content scripts on
// store admins — reachable by page scripts' influence, so never allowed to send) or `page` (the extension's
// own popup/options/compose/history pages). The background validates input and output with these schemas.
export type Caller = 'content' | 'page';

export const OrderStatusSchema = z.object({
  state: z.enum(['linked', 'needs-link', 'unreachable', 'sent', 'unknown']),
});
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

const Ok = z.object({ ok: z.literal(true) });
const None = z.object({});
const page = ['page'] as const;

export const protocol = {
  /** The popup's own entries, in zod/mini (see popup-protocol.ts). */
  ...popupProtocol,
  ping: { callers: ['content', 'page'], input: None, output: Ok },
  /** Badges on order rows: what the background knows about each order's customer. */
  'order.status': {
    callers: ['content', 'page'],
    input: z.object({ orders: z.array(OrderSchema).max(2000) }),
    // A list, not a record: the content script checks it with the few zod/mini blocks it ships (content-client.ts).
    output: z.object({ statuses: z.array(OrderStatusSchema.extend({ productOrderNo: z.string() })).max(2000) }),
  },
  /** Opens the compose window for these orders. Sends nothing: Send is clicked inside that window. */
  'compose.open': {
    callers: ['content', 'page'],
    input: z.object({ orders: z.array(OrderSchema).min(1).max(100) }),
    output: Ok,
  },

  // Everything below is for the extension's own pages only.
  'settings.get': { callers: page, input: None, output: SettingsSchema },
  'settings.save': { callers: page, input: z.object({ patch: SettingsPatchSchema }), output: SettingsSchema },
  /** Write-only: the secret goes into the background's sealed store and is never read back. */
  'settings.setClientSecret': {
    callers: page,
    input: z.object({ secret: z.string().trim().max(200).nullable() }),
    output: Ok,
  },
  'auth.state': { callers: page, input: None, output: AuthStateSchema },
  'auth.signIn': { callers: page, input: None, output: AuthStateSchema },
  'auth.requestConsent': {
    callers: page,
    input: z.object({ scopes: z.array(z.enum(KAKAO_SCOPES)).min(1) }),
    output: AuthStateSchema,
  },
  'auth.signOut': { callers: page, input: None, output: AuthStateSchema },
  'auth.disconnect': { callers: page, input: None, output: AuthStateSchema },
  'friends.list': { callers: page, input: z.object({ refresh: z.boolean().optional() }), output: FriendsSchema },
  /** friends.new, friends.dismissNew (zod/mini, for the popup too). */
  ...newFriendsProtocol,
  'quota.get': { callers: page, input: z.object({ receiverUuid: z.string().optional() }), output: QuotaSchema },
  'templates.list': { callers: page, input: None, output: z.object({ templates: z.array(TemplateSchema) }) },
  'templates.save': { callers: page, input: z.object({ template: TemplateSchema }), output: Ok },
  'templates.delete': { callers: page, input: z.object({ id: z.string() }), output: Ok },
  'templates.preview': {
    callers: page,
    input: z.object({ template: TemplateSchema, order: z.optional(OrderSchema) }),
    output: z.object({
      preview: PreviewSchema.optional(),
      missingVariables: z.array(z.string()),
      problems: z.array(BilingualSchema.extend({ code: z.string() })),
    }),
  },
  'compose.session': {
    callers: page,
    input: z.object({ sessionId: z.string().uuid() }),
    output: z.object({
      orders: z.array(OrderSchema),
      templates: z.array(TemplateSummarySchema),
      acknowledged: z.boolean(),
    }),
  },
  /** Who gets what and whether it can be sent, for each order of the session, with one template. */
  'compose.prepare': {
    callers: page,
    input: z.object({
      sessionId: z.string().uuid(),
      templateId: z.string(),
      freeText: z.string().max(1000).optional(),
    }),
    output: z.object({
      items: z.array(
        ComposeItemSchema.extend({
          /** The linked friend as the friends list has them now: picture, favourite mark, stable short tag. */
          friend: z
            .object({ thumbnailUrl: z.string().optional(), favorite: z.boolean().optional(), tag: z.string() })
            .optional(),
        }),
      ),
      quota: QuotaSchema,
      /** The operator's KakaoTalk name and picture, as the customer sees the sender (nothing else of the profile). */
      sender: z.object({ nickname: z.string().optional(), pictureUrl: z.string().optional() }).optional(),
      /** What blocks the whole window, shown once as a banner rather than on every order. */
      auth: z.object({ configured: z.boolean(), signedIn: z.boolean(), missingScopes: z.array(z.string()) }),
      store: z.object({ name: z.string(), url: z.string() }),
      /** AlimTalk for the bulk's cost line: on or off, prices and balance. */
      alimtalk: ComposeAlimtalkSchema.optional(),
    }),
  },
  /** link.suggest for the compose window: each friend's likeness and tag, and whether any friend is alike at all. */
  'compose.suggest': {
    callers: page,
    input: z.object({ order: OrderSchema, query: z.string().max(50).optional() }),
    output: z.object({
      friends: z.array(FriendSchema.extend({ score: z.number(), tag: z.string() })),
      noMatch: z.boolean(),
    }),
  },
  'link.suggest': {
    callers: page,
    input: z.object({ order: OrderSchema, query: z.string().max(50).optional() }),
    output: z.object({ friends: z.array(FriendSchema) }),
  },
  'link.set': {
    callers: page,
    input: z.object({ order: OrderSchema, friendUuid: z.string().min(1) }),
    output: Ok,
  },
  'link.remove': { callers: page, input: z.object({ order: OrderSchema }), output: Ok },
  'send.acknowledge': { callers: page, input: None, output: Ok },
  /**
   * Sends the session's chosen orders. Only an extension page can ask, after the operator's click there;
   * every send is recorded as pending first, and a repeat of an already-sent (or possibly sent) message goes
   * only to the orders named in confirmRepeatFor, each confirmed by the operator on its own.
   */
  'send.orders': {
    callers: page,
    input: z.object({
      sessionId: z.string().uuid(),
      templateId: z.string(),
      freeText: z.string().max(1000).optional(),
      productOrderNos: z.array(z.string()).min(1).max(100),
      confirmRepeatFor: z.array(z.string()).max(100).default([]),
      /**
       * The renderedKey of each order's preview the operator saw: an order whose message no longer matches it
       * (settings or template changed since) is not sent, and says why.
       */
      previewed: z.record(z.string(), z.string()).optional(),
      /** The channel each order's card showed (friend or alimtalk); an order never moves channel unseen. */
      channels: z.record(z.string(), ChannelNameSchema).optional(),
      /** One per Send click in the page: a repeated message with the same id sends nothing twice. */
      requestId: z.string().uuid(),
    }),
    output: z.object({ results: z.array(SendResultSchema) }),
  },
  'send.cancel': { callers: page, input: z.object({ sessionId: z.string().uuid() }), output: Ok },
  /**
   * How far a send got. With its requestId, a send whose progress is gone (the worker restarted) is read back
   * from the history instead: `interrupted` is then true and each of the asked orders has a result.
   */
  'send.progress': {
    callers: page,
    input: z.object({ sessionId: z.string().uuid(), requestId: z.string().uuid().optional() }),
    output: z.object({
      total: z.number().int(),
      done: z.number().int(),
      results: z.array(SendResultSchema),
      interrupted: z.boolean().optional(),
    }),
  },
  'send.toMe': { callers: page, input: z.object({ templateId: z.string().optional() }), output: Ok },
  'review.get': { callers: page, input: None, output: ReviewProgressSchema },
  /** Records that a step passed (now), or with `done: false` clears it (the operator unticks an item). */
  'review.mark': {
    callers: page,
    input: z.object({
      step: z.enum(['sendToMeAt', 'teamMemberAt', 'noticeViewedAt', 'bizAppAt', 'appIdentityAt', 'optInPageAt']),
      done: z.boolean().optional(),
    }),
    output: ReviewProgressSchema,
  },
  'history.list': {
    callers: page,
    input: z.object({
      status: SendStatusSchema.optional(),
      query: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
      /** Only these records (compose's report follows its AlimTalks' delivery). */
      ids: z.array(z.string()).max(100).optional(),
    }),
    output: z.object({ records: z.array(HistoryRecordSchema) }),
  },
  'history.exportCsv': { callers: page, input: None, output: z.object({ csv: z.string() }) },
  /** The backup file (backup/envelope.ts): encrypted under the operator's passphrase, made in the background. */
  'data.export': {
    callers: page,
    input: z.object({ passphrase: PassphraseSchema }),
    output: z.object({ file: z.string() }),
  },
  /** Reads a backup file: with `apply: false` only what would change (the preview), with `apply: true` does it. */
  'data.import': {
    callers: page,
    input: z.object({
      file: z.string().max(BACKUP_MAX_FILE_CHARS),
      /** Absent only for release 1's plain backups. */
      passphrase: z.string().max(256).optional(),
      apply: z.boolean(),
    }),
    output: z.object({ preview: BackupPreviewSchema, applied: z.boolean() }),
  },
  'data.erase': { callers: page, input: None, output: Ok },
  /** AlimTalk (SOLAPI): what options shows. The key and secret go in and never come back out. */
  'alimtalk.state': { callers: page, input: None, output: AlimtalkStateSchema },
  'alimtalk.setCredentials': {
    callers: page,
    input: z.object({
      credentials: z.object({ apiKey: z.string().trim().max(100), apiSecret: z.string().trim().max(200) }).nullable(),
    }),
    output: AlimtalkStateSchema,
  },
  /** 연결 확인: balance, the account's prices and its KakaoTalk channels. */
  'alimtalk.check': { callers: page, input: None, output: AlimtalkCheckSchema },
  'alimtalk.syncTemplates': { callers: page, input: None, output: AlimtalkStateSchema },
  /** Asks SOLAPI how sent AlimTalks ended (compose and history ask while open, with backoff). */
  'alimtalk.poll': {
    callers: page,
    input: None,
    output: z.object({ open: z.number().int(), updated: z.number().int() }),
  },
  /** "이 탭에서 테스트": reads an open tab of that admin with the described selectors. */
  'custom.preview': {
    callers: page,
    input: z.object({ config: CustomAdminInputSchema }),
    output: z.object({
      tabFound: z.boolean(),
      rows: z.number().int(),
      orders: z.array(OrderSchema),
      problems: z.array(
        z.object({
          reason: z.enum(['missing', 'unreadable', 'tooLong', 'ambiguousItem']),
          field: z.string().optional(),
          length: z.number().optional(),
          max: z.number().optional(),
          value: z.string().optional(),
        }),
      ),
    }),
  },
} as const satisfies Record<string, { callers: readonly Caller[]; input: z.core.$ZodType; output: z.core.$ZodType }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Input<T extends MessageType> = z.input<Protocol[T]['input']>;
export type Output<T extends MessageType> = z.output<Protocol[T]['output']>;
