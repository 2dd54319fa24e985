import { ReviewProgressSchema, type ReviewProgress } from '@/utils/shared/wire';
import type { HistoryRow } from './history-db';
import type { LinkRow } from './links-db';

// How data an earlier release stored becomes today's shape: pure functions, run from fixtures of each
// older shape by tests/unit/storage/migrations.test.ts. No key has changed shape under the same key yet
// (git history of utils/settings, utils/compose, utils/background: settings only gained fields, each with a
// default), so no item has a numbered WXT migration and every version in utils/shared/storage-keys.ts is 1.
// What did change is where data lives, and a WXT migration cannot express that: it reshapes one key's value
// and runs only when that key holds one (node_modules/@wxt-dev/storage/dist/index.mjs, `migrate`), so ticks
// kept with no review progress beside them, or history with no database yet, would be skipped. Those moves
// stay where they are (review-progress.ts moveLegacyTicks, open-db.ts cachedDb) and use these functions.
// The first reshape of a key goes here as `<key>Migrations = { 2: (old) => new }`, passed to its item.

const LegacyTicksSchema = ReviewProgressSchema.pick({ bizAppAt: true, appIdentityAt: true, optInPageAt: true });

/** The options page's old ticks (local:reviewTicks) into the review progress; a step already there wins. */
export function withLegacyTicks(progress: ReviewProgress, ticks: unknown): ReviewProgress {
  const parsed = LegacyTicksSchema.safeParse(ticks);
  return { ...(parsed.success ? parsed.data : {}), ...progress };
}

/** The old send-history array (local:sendHistory) as database rows: only rows with their key and indexed fields. */
export function historyRows(value: unknown): HistoryRow[] {
  return Array.isArray(value) ? value.filter(isHistoryRow) : [];
}

function isHistoryRow(value: unknown): value is HistoryRow {
  const r = value as Partial<HistoryRow> | null;
  return (
    !!r &&
    typeof r.id === 'string' &&
    typeof r.createdAt === 'number' &&
    typeof r.productOrderNo === 'string' &&
    typeof r.status === 'string'
  );
}

/** The old customer-links map (local:customerLinks, key → link) as database rows, one per key. */
export function linkRows(value: unknown): LinkRow[] {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, link]) => (link && typeof link === 'object' ? [{ ...link, key }] : []))
    : [];
}

/**
 * The links database's numbered reshapes (LINKS_DB.version in utils/shared/storage-keys.ts), run by
 * links-db.ts when the database holds no key material yet. 2: each row's key, release 1's salted SHA-256 of
 * the customer, becomes the HMAC of it under the install's secret (customer-key.ts), so no link is lost
 * though whose it is cannot be known. Rows are rekeyed whatever else they hold (rows are checked when read).
 */
export const linksDbMigrations = {
  2: async (rows: LinkRow[], rekey: (oldKey: string) => Promise<string>): Promise<LinkRow[]> =>
    Promise.all(rows.filter((r) => typeof r.key === 'string').map(async (r) => ({ ...r, key: await rekey(r.key) }))),
} as const;
