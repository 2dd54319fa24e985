import { z } from 'zod';

// The emulator's world, loaded from JSON (scenarios/*.json). Where SOLAPI's behaviour is UNCONFIRMED the choice
// made here is listed in README.md.
const digits = z.string().regex(/^\d{8,11}$/);

export const TemplateSchema = z.object({
  templateId: z.string().min(1),
  name: z.string(),
  channelId: z.string().min(1),
  content: z.string(),
  status: z.enum(['PENDING', 'INSPECTING', 'APPROVED', 'REJECTED']),
  isHidden: z.boolean().default(false),
  buttons: z
    .array(
      z.object({
        buttonName: z.string(),
        buttonType: z.string(),
        linkMo: z.string().optional(),
        linkPc: z.string().optional(),
      }),
    )
    .default([]),
});
export type Template = z.infer<typeof TemplateSchema>;

export const AccountSchema = z.object({
  accountId: z.string().min(1),
  apiKey: z.string().min(1),
  apiSecret: z.string().min(1),
  /** KRW. */
  balance: z.number().default(10_000),
  point: z.number().default(0),
  prices: z.object({ ata: z.number(), sms: z.number(), lms: z.number() }).default({ ata: 13, sms: 20, lms: 50 }),
  /** 발신번호 사전등록제: only these may be `from`. */
  senderNumbers: z.array(digits).default([]),
  channels: z
    .array(z.object({ channelId: z.string().min(1), searchId: z.string(), phoneNumber: z.string().optional() }))
    .default([]),
  templates: z.array(TemplateSchema).default([]),
});
export type Account = z.infer<typeof AccountSchema>;

/** How a number fares on KakaoTalk; numbers not listed are KakaoTalk users. */
export const KakaoStateSchema = z.enum(['user', 'non-user', 'blocked']);
export type KakaoState = z.infer<typeof KakaoStateSchema>;

export const ScenarioSchema = z.object({
  name: z.string().default('scenario'),
  accounts: z.array(AccountSchema).min(1),
  phones: z.record(digits, KakaoStateSchema).default({}),
  /** Largest page a list endpoint answers, whatever limit is asked (SOLAPI: 500 for groups, §4.2). */
  maxPageSize: z.number().int().min(1).default(500),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export function parseScenario(json: unknown): Scenario {
  return ScenarioSchema.parse(json);
}
