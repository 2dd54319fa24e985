import * as z from 'zod/mini';
import type { HistoryRecord, Quota } from './wire';
import { SEND_STATUSES } from './send-status';
import { SETUP_STEPS } from './setup-step';
import { WireErrorSchema } from './reply';
import { KAKAO_SCOPES } from './kakao-scopes';

// The popup's own messages, in zod/mini. The popup asks the background one question on open ("what do I
// show?") and gets the whole view back, also after each account action. Kept apart from protocol.ts (which
// includes these entries for the background) so the popup never loads classic zod: with it, its first
// chunk was twice the size and it painted ~20 ms later (npm run bench). Display data only — no tokens.

const int = z.number().check(z.int());
const scopes = z.array(z.string()).check(z.maxLength(20));

export const CachedAuthSchema = z.object({
  configured: z.boolean(),
  signedIn: z.boolean(),
  nickname: z.optional(z.string().check(z.maxLength(200))),
  pictureUrl: z.optional(z.string().check(z.maxLength(2000))),
  grantedScopes: scopes,
  missingScopes: scopes,
});
export type CachedAuth = z.infer<typeof CachedAuthSchema>;

/** The fields of a history record the popup lists (HistoryRecord in wire.ts is the full shape). */
export const RecentSendSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  orderNo: z.string(),
  recipientNickname: z.string(),
  templateName: z.string(),
  status: z.enum(SEND_STATUSES),
});
export type RecentSend = Pick<
  HistoryRecord,
  'id' | 'createdAt' | 'orderNo' | 'recipientNickname' | 'templateName' | 'status'
>;

const QuotaSchema = z.object({
  day: z.string(),
  senderLeft: int,
  receiverLeft: z.optional(int),
  pairLeft: z.optional(int),
  senderLimit: int,
});

// These two restate shapes from wire.ts (classic zod); the compiler keeps them in step: this line fails to
// type-check if either drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const IN_STEP_WITH_WIRE: Same<z.infer<typeof RecentSendSchema>, RecentSend> &
  Same<z.infer<typeof QuotaSchema>, Quota> = true;

/** What the popup shows; also what is cached for its next first paint. */
export const PopupViewSchema = z.object({
  auth: z.optional(CachedAuthSchema),
  friendsCount: z.optional(int.check(z.minimum(0))),
  quota: z.optional(QuotaSchema),
  recent: z.optional(z.array(RecentSendSchema).check(z.maxLength(5))),
  /** The next setup step (see utils/onboarding/setup-step); kept from before when it could not be judged. */
  nextStep: z.optional(z.enum([...SETUP_STEPS, 'done'])),
});
export type PopupView = Omit<z.infer<typeof PopupViewSchema>, 'quota'> & { quota?: Quota };

/** The view and what could not be refreshed this time (the view then keeps the last known value). */
export const PopupStateSchema = z.object({
  view: PopupViewSchema,
  errors: z.object({
    auth: z.optional(WireErrorSchema),
    stats: z.optional(WireErrorSchema),
    recent: z.optional(WireErrorSchema),
  }),
});
export type PopupState = { view: PopupView; errors: z.infer<typeof PopupStateSchema>['errors'] };

const page = ['page'] as const;
const None = z.object({});

export const popupProtocol = {
  /** The view, refreshed from the background and Kakao; `refreshFriends` skips the friends cache. */
  'popup.view': {
    callers: page,
    input: z.object({ refreshFriends: z.optional(z.boolean()) }),
    output: PopupStateSchema,
  },
  'popup.signIn': { callers: page, input: None, output: PopupStateSchema },
  'popup.requestConsent': {
    callers: page,
    input: z.object({ scopes: z.array(z.enum(KAKAO_SCOPES)).check(z.minLength(1)) }),
    output: PopupStateSchema,
  },
  'popup.signOut': { callers: page, input: None, output: PopupStateSchema },
} as const;

export type PopupMessageType = keyof typeof popupProtocol;
export type PopupInput<T extends PopupMessageType> = z.input<(typeof popupProtocol)[T]['input']>;
