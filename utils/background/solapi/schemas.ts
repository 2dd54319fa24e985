// SOLAPI answers, validated at the boundary (/work/shared/reference/solapi.md §4–§8). Objects are loose: SOLAPI
// adds fields between versions (§2.5); optional fields may be null; some booleans come as 0/1 (§4.1).
import { z } from 'zod';

/** null and absent both become undefined, and the key stays optional in the inferred type. */
const opt = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((v) => v ?? undefined)
    .optional();
const bool01 = z.union([z.boolean(), z.number()]).transform((v) => Boolean(v));
/** Amounts sometimes arrive as numeric strings (lowBalanceAlert, §8.8). */
const amount = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const nextKey = opt(z.string());

export const ErrorBodySchema = z.looseObject({ errorCode: z.string().min(1), errorMessage: z.string().catch('') });

export const SolapiChannelSchema = z.looseObject({
  channelId: z.string().min(1),
  searchId: opt(z.string()),
  phoneNumber: opt(z.string()),
});
export type SolapiChannel = z.infer<typeof SolapiChannelSchema>;
export const ChannelPageSchema = z.looseObject({ channelList: z.array(SolapiChannelSchema), nextKey });

export const SolapiButtonSchema = z.looseObject({
  buttonName: z.string(),
  buttonType: z.string(),
  linkMo: opt(z.string()),
  linkPc: opt(z.string()),
  linkAnd: opt(z.string()),
  linkIos: opt(z.string()),
});
export const SolapiTemplateSchema = z.looseObject({
  templateId: z.string().min(1),
  name: z.string(),
  channelId: opt(z.string()),
  content: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  /** PENDING | INSPECTING | APPROVED | REJECTED (§5.1); other values are kept as sent. */
  status: z.string(),
  buttons: z
    .array(SolapiButtonSchema)
    .nullish()
    .transform((v) => v ?? []),
  isHidden: opt(bool01),
});
export type SolapiTemplate = z.infer<typeof SolapiTemplateSchema>;
export const TemplatePageSchema = z.looseObject({ templateList: z.array(SolapiTemplateSchema), nextKey });
/** /kakao/v2/templates/sendable answers a bare array (§5.1); a page object is accepted too. */
export const SendableSchema = z.union([
  z.array(SolapiTemplateSchema),
  TemplatePageSchema.transform((p) => p.templateList),
]);

export const BalanceSchema = z.looseObject({ balance: amount, point: amount.catch(0) });
const PriceSchema = z.looseObject({
  countryId: opt(z.union([z.string(), z.number()])),
  ata: amount,
  sms: amount,
  lms: amount,
});
/** One country's prices; an array (the countries list) is narrowed to Korea. */
export const PricingSchema = z.union([
  PriceSchema,
  z.array(PriceSchema).transform((list, ctx) => {
    const kr = list.find((p) => String(p.countryId) === '82') ?? list[0];
    if (!kr) ctx.addIssue({ code: 'custom', message: 'empty price list' });
    return kr as z.infer<typeof PriceSchema>;
  }),
]);

// Requests: the group-send messages, validated before they leave the worker.
const digits = z.string().regex(/^\d{8,11}$/);
export const AtaMessageSchema = z.object({
  to: digits,
  from: digits.optional(),
  type: z.literal('ATA'),
  kakaoOptions: z.object({
    pfId: z.string().min(1),
    templateId: z.string().min(1),
    variables: z.record(z.string().regex(/^#\{[^}.]+\}$/), z.string()),
    disableSms: z.boolean(),
  }),
  customFields: z.object({ recordId: z.string().min(1).max(100) }),
});
export type AtaMessage = z.infer<typeof AtaMessageSchema>;

const stringMap = opt(z.record(z.string(), z.union([z.string(), z.number()]).transform(String)));

export const AddResultSchema = z.looseObject({
  to: z.union([z.string(), z.number()]).transform(String),
  messageId: opt(z.string()),
  statusCode: z.union([z.string(), z.number()]).transform(String),
  statusMessage: opt(z.string()),
  customFields: stringMap,
});
export type AddResult = z.infer<typeof AddResultSchema>;
export const AddMessagesResponseSchema = z.looseObject({
  errorCount: opt(z.number()),
  resultList: z.array(AddResultSchema),
});

const count = z.number().catch(0);
export const SolapiGroupSchema = z
  .looseObject({
    groupId: opt(z.string()),
    _id: opt(z.string()),
    /** PENDING | SENDING | COMPLETE | FAILED | DELETED | SCHEDULED (§3.3). */
    status: z.string(),
    count: z.looseObject({
      total: count,
      registeredSuccess: count,
      registeredFailed: count,
      sentTotal: opt(z.number()),
      sentSuccess: opt(z.number()),
      sentFailed: opt(z.number()),
      sentPending: opt(z.number()),
      sentReplacement: opt(z.number()),
      refund: opt(z.number()),
    }),
    balance: opt(z.looseObject({ requested: amount, replacement: amount, refund: amount, sum: amount })),
  })
  .transform((g, ctx) => {
    const groupId = g.groupId ?? g._id;
    if (!groupId) ctx.addIssue({ code: 'custom', message: 'group without groupId' });
    return { ...g, groupId: groupId ?? '' };
  });
export type SolapiGroup = z.infer<typeof SolapiGroupSchema>;

export const StoredMessageSchema = z.looseObject({
  messageId: z.string().min(1),
  groupId: opt(z.string()),
  to: opt(z.string()),
  type: opt(z.string()),
  statusCode: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? '' : String(v))),
  reason: opt(z.string()),
  statusMessage: opt(z.string()),
  replacement: bool01.nullish().transform((v) => v ?? false),
  customFields: stringMap,
  dateUpdated: opt(z.string()),
});
export type StoredMessage = z.infer<typeof StoredMessageSchema>;
/** messageList is an object keyed by messageId (§4.1); an array is accepted too. */
export const MessagePageSchema = z.looseObject({
  messageList: z
    .union([z.record(z.string(), StoredMessageSchema).transform((m) => Object.values(m)), z.array(StoredMessageSchema)])
    .nullish()
    .transform((v) => v ?? []),
  nextKey,
});
