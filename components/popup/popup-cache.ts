import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { HistoryRecord, Quota } from '@/utils/messaging/wire';
import { SEND_STATUSES } from '@/utils/messaging/send-status';
import { SETUP_STEPS } from '@/utils/onboarding/setup-step';

// What the popup showed last time, so it paints at once on open (no network wait) and then refreshes.
// Display data only — never tokens or the client secret — validated on read and on write.
// zod/mini and no wire.ts here: this module is on the popup's first paint, before the message map loads.

export const POPUP_CACHE_KEY = 'local:popupCache';

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
export type RecentSend = Pick<HistoryRecord, 'id' | 'createdAt' | 'orderNo' | 'recipientNickname' | 'templateName' | 'status'>;

const QuotaSchema = z.object({ day: z.string(), senderLeft: int, receiverLeft: z.optional(int), pairLeft: z.optional(int), senderLimit: int });

// These two restate shapes from wire.ts (which would bring classic zod into the popup's first paint); the
// compiler keeps them in step: this line fails to type-check if either drifts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const IN_STEP_WITH_WIRE: Same<z.infer<typeof RecentSendSchema>, RecentSend> & Same<z.infer<typeof QuotaSchema>, Quota> = true;

export const PopupCacheSchema = z.object({
  auth: z.optional(CachedAuthSchema),
  friendsCount: z.optional(int.check(z.minimum(0))),
  quota: z.optional(QuotaSchema),
  recent: z.optional(z.array(RecentSendSchema).check(z.maxLength(5))),
  /** The next setup step as last computed (see utils/onboarding/setup-step). */
  nextStep: z.optional(z.enum([...SETUP_STEPS, 'done'])),
});
export type PopupCache = Omit<z.infer<typeof PopupCacheSchema>, 'quota'> & { quota?: Quota };

const item = storage.defineItem<unknown>(POPUP_CACHE_KEY, { fallback: {} });

/** `early`: the raw value if a read was already started (entrypoints/popup/early-cache.ts); checked the same. */
export async function readPopupCache(early?: Promise<unknown>): Promise<PopupCache> {
  try {
    const parsed = PopupCacheSchema.safeParse(await (early ?? item.getValue()));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Keeps only the schema's fields (zod strips unknown keys such as kakaoUserId). */
export async function writePopupCache(next: PopupCache): Promise<void> {
  const parsed = PopupCacheSchema.safeParse(next);
  if (parsed.success) await item.setValue(parsed.data).catch(() => undefined);
}

export async function clearPopupCache(): Promise<void> {
  await item.removeValue();
}
