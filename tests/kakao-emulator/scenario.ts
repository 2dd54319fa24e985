import { z } from 'zod';

// The emulator's world, loaded from JSON. Defaults follow Kakao's behaviour as far as our notes know it
// (docs/reference/kakao-api.md); choices where Kakao is UNCONFIRMED are listed in README.md.
export const ScopeIdSchema = z.enum(['profile_nickname', 'profile_image', 'friends', 'talk_message']);
export type ScopeId = z.infer<typeof ScopeIdSchema>;

/** required/optional are asked at first sign-in; during-use only through additional consent (scope=). */
const ConsentModeSchema = z.enum(['required', 'optional', 'during-use']);

export const AppSchema = z.object({
  name: z.string().default('Test app'),
  restApiKey: z.string().min(1),
  clientSecret: z.string().optional(),
  redirectUris: z.array(z.string()).default([]),
  linkDomains: z.array(z.string()).default([]),
  /**
   * More REST API keys of the same app (Kakao allows up to 5 since 2025-12-03), each with its own client secret
   * and redirect URIs; tokens, uuids and connections are the app's whichever key signed the user in.
   */
  extraRestApiKeys: z
    .array(
      z.object({
        restApiKey: z.string().min(1),
        clientSecret: z.string().optional(),
        redirectUris: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  /** JavaScript-key web domains (origins, e.g. https://shop.example): kapi answers SDK calls only from these. */
  webDomains: z.array(z.string()).default([]),
  consentItems: z.partialRecord(ScopeIdSchema, ConsentModeSchema).default({
    profile_nickname: 'required',
    friends: 'during-use',
    talk_message: 'optional',
  }),
  /** The "KakaoTalk friends/message" additional feature. Without it only app members are visible/reachable. */
  friendsMessageApproved: z.boolean().default(false),
  members: z.array(z.number().int()).default([]),
  customTemplates: z
    .array(z.object({ id: z.number().int(), objectType: z.enum(['feed', 'list', 'commerce']) }))
    .default([]),
  /** Sign in this user without showing the consent page (tests and demos). */
  autoApproveUser: z.number().int().optional(),
});
export type App = z.infer<typeof AppSchema>;

export const UserSchema = z.object({
  id: z.number().int().positive(),
  nickname: z.string().min(1),
  thumbnail: z.string().optional(),
  /** Has KakaoTalk linked to the Kakao Account (else -501 when sending). */
  kakaoTalk: z.boolean().default(true),
  privateProfile: z.boolean().default(false),
  /** Accepts messages (friends API `allowed_msg`). */
  allowedMsg: z.boolean().default(true),
});
export type User = z.infer<typeof UserSchema>;

export const ScenarioSchema = z.object({
  apps: z.array(AppSchema).min(1),
  users: z.array(UserSchema).min(1),
  /** Users who signed in to an app, and what they consented to. */
  connections: z
    .array(z.object({ app: z.string(), user: z.number().int(), scopes: z.array(ScopeIdSchema).default([]) }))
    .default([]),
  /** KakaoTalk friendships (mutual). */
  friendships: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
  /** Friends a user hid or blocked: they vanish from that user's friends list. */
  hidden: z.array(z.object({ user: z.number().int(), friend: z.number().int() })).default([]),
  /** Messages already sent today (Asia/Seoul), to start near a quota. */
  sentToday: z
    .array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int().min(0) }))
    .default([]),
  /** Emulator clock start (ISO); default: real time. */
  now: z.string().datetime({ offset: true }).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export function parseScenario(json: unknown): Scenario {
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid scenario at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const ids = new Set(parsed.data.users.map((u) => u.id));
  const keys = new Set(parsed.data.apps.map((a) => a.restApiKey));
  for (const c of parsed.data.connections) {
    if (!ids.has(c.user)) throw new Error(`invalid scenario: connection to unknown user ${c.user}`);
    if (!keys.has(c.app)) throw new Error(`invalid scenario: connection to unknown app ${c.app}`);
  }
  for (const [a, b] of parsed.data.friendships) {
    if (!ids.has(a) || !ids.has(b))
      throw new Error(`invalid scenario: friendship with unknown user ${ids.has(a) ? b : a}`);
  }
  return parsed.data;
}
