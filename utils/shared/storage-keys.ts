// Every key the extension keeps data under, with the version of the shape stored there. Plain constants (no
// zod, no WXT storage) so content scripts and the popup can import them. A WXT item (`local:` / `session:`)
// stores its version under `<key>$` as `{ v: N }` (no meta counts as 1; see
// https://wxt.dev/storage.html#versioning-with-migrations); migrations to each version are in
// utils/background/storage/migrations.ts.

export interface StoredKey {
  /** The WXT storage key (`local:` or `session:` area prefix), or the IndexedDB database name. */
  readonly key: string;
  readonly version: number;
  /** No longer written: an earlier release kept data here, moved elsewhere once and then removed. */
  readonly retired?: true;
  /** What it holds, in one line. */
  readonly holds: string;
}

// storage.local
export const SETTINGS = {
  key: 'local:settings',
  version: 1,
  holds: "The operator's settings (Kakao app key, store, admin switches, custom admins, retention).",
} as const satisfies StoredKey;
export const REVIEW_PROGRESS = {
  key: 'local:reviewChecklist',
  version: 1,
  holds: 'When each review/test step passed, and the three steps the operator ticks.',
} as const satisfies StoredKey;
export const REVIEW_TICKS = {
  key: 'local:reviewTicks',
  version: 1,
  retired: true,
  holds: 'Before the background kept them: the ticks the options page stored; moved into reviewChecklist.',
} as const satisfies StoredKey;
export const TEMPLATES = {
  key: 'local:templates',
  version: 1,
  holds: "The operator's own message templates (built-ins are not stored).",
} as const satisfies StoredKey;
export const LINK_SALT = {
  key: 'local:linkSalt',
  version: 1,
  retired: true,
  holds: 'Before links database v2: the salt of the customer-link keys; moved beside the links with their secret.',
} as const satisfies StoredKey;
export const CUSTOMER_LINKS = {
  key: 'local:customerLinks',
  version: 1,
  retired: true,
  holds: 'Before IndexedDB: the customer-links map; moved into the ordertalk-links database.',
} as const satisfies StoredKey;
export const SEND_HISTORY = {
  key: 'local:sendHistory',
  version: 1,
  retired: true,
  holds: 'Before IndexedDB: the send-history array; moved into the ordertalk-history database.',
} as const satisfies StoredKey;
export const KAKAO_QUOTA = {
  key: 'local:kakaoQuota',
  version: 1,
  holds: "Today's send counts per sender, receiver and pair (Kakao's daily caps).",
} as const satisfies StoredKey;
export const KAKAO_PROFILE = {
  key: 'local:kakaoProfile',
  version: 1,
  holds: 'The signed-in Kakao account: id, nickname, picture and granted scopes.',
} as const satisfies StoredKey;
export const KAKAO_REFRESH_TOKEN = {
  key: 'local:kakaoRefreshToken',
  version: 1,
  holds: 'The Kakao refresh token, sealed (AES-GCM ciphertext, key in ordertalk-secrets).',
} as const satisfies StoredKey;
export const KAKAO_CLIENT_SECRET = {
  key: 'local:kakaoClientSecret',
  version: 1,
  holds: "The Kakao app's client secret, sealed like the refresh token.",
} as const satisfies StoredKey;
export const SOLAPI_CREDENTIALS = {
  key: 'local:solapiCredentials',
  version: 1,
  holds: "The operator's SOLAPI API key and secret (they spend money), sealed like the refresh token.",
} as const satisfies StoredKey;
export const ALIMTALK_TEMPLATES = {
  key: 'local:alimtalkTemplates',
  version: 1,
  holds: "The AlimTalk channel's templates as last synced from SOLAPI: text, buttons, status, sendable.",
} as const satisfies StoredKey;
export const SOLAPI_GROUP_JOBS = {
  key: 'local:solapiGroupJobs',
  version: 1,
  holds: 'AlimTalk group sends under way: stage, SOLAPI group id and history record ids (no numbers, no text).',
} as const satisfies StoredKey;
export const KAKAO_NEW_FRIENDS = {
  key: 'local:kakaoNewFriends',
  version: 1,
  holds: 'Whose friends list was seen last (uuids only) and the friends who appeared since, until dismissed.',
} as const satisfies StoredKey;
export const POPUP_CACHE = {
  key: 'local:popupCache',
  version: 1,
  holds: "The popup's last view, for a first paint before the background answers.",
} as const satisfies StoredKey;
export const OPTIONS_VIEW = {
  key: 'local:optionsView',
  version: 1,
  holds: "The operator's choice of options layout: 'wizard' or 'sections'.",
} as const satisfies StoredKey;

// storage.session
export const KAKAO_ACCESS = {
  key: 'session:kakaoAccess',
  version: 1,
  holds: 'The Kakao access token and when it expires.',
} as const satisfies StoredKey;
export const KAKAO_PENDING_AUTH = {
  key: 'session:kakaoPendingAuth',
  version: 1,
  holds: 'A sign-in under way: state, PKCE verifier, redirect URI and start time.',
} as const satisfies StoredKey;
export const KAKAO_FRIENDS = {
  key: 'session:kakaoFriends',
  version: 1,
  holds: 'The Kakao friends list, cached for a few minutes, with whose it is.',
} as const satisfies StoredKey;
export const COMPOSE_SESSIONS = {
  key: 'session:composeSessions',
  version: 1,
  holds: 'The orders each open compose window was opened for, by random id.',
} as const satisfies StoredKey;

// IndexedDB (database name; version = the database version passed to open)
export const HISTORY_DB = {
  key: 'ordertalk-history',
  version: 1,
  holds: 'Send history, one row a send, indexed by product order, status and time.',
} as const satisfies StoredKey;
export const LINKS_DB = {
  key: 'ordertalk-links',
  version: 2,
  holds: 'Customer links, one row per keyed customer hash (v2: HMAC under a secret kept in its meta store).',
} as const satisfies StoredKey;
export const SECRETS_DB = {
  key: 'ordertalk-secrets',
  version: 1,
  holds: 'The non-extractable AES key that seals the stored secrets.',
} as const satisfies StoredKey;

/** All of them, for listing (and the uniqueness test). Modules import the one they use. */
export const STORAGE_KEYS = {
  settings: SETTINGS,
  reviewProgress: REVIEW_PROGRESS,
  reviewTicks: REVIEW_TICKS,
  templates: TEMPLATES,
  linkSalt: LINK_SALT,
  customerLinks: CUSTOMER_LINKS,
  sendHistory: SEND_HISTORY,
  kakaoQuota: KAKAO_QUOTA,
  kakaoProfile: KAKAO_PROFILE,
  kakaoRefreshToken: KAKAO_REFRESH_TOKEN,
  kakaoClientSecret: KAKAO_CLIENT_SECRET,
  solapiCredentials: SOLAPI_CREDENTIALS,
  alimtalkTemplates: ALIMTALK_TEMPLATES,
  solapiGroupJobs: SOLAPI_GROUP_JOBS,
  kakaoNewFriends: KAKAO_NEW_FRIENDS,
  popupCache: POPUP_CACHE,
  optionsView: OPTIONS_VIEW,
  kakaoAccess: KAKAO_ACCESS,
  kakaoPendingAuth: KAKAO_PENDING_AUTH,
  kakaoFriends: KAKAO_FRIENDS,
  composeSessions: COMPOSE_SESSIONS,
  historyDb: HISTORY_DB,
  linksDb: LINKS_DB,
  secretsDb: SECRETS_DB,
} as const;

/** The storage.local key without WXT's area prefix, as browser.storage.local.get takes it. */
export function areaKey<K extends string>(key: `local:${K}` | `session:${K}`): K {
  return key.slice(key.indexOf(':') + 1) as K;
}
