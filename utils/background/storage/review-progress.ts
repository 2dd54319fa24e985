import { storage } from 'wxt/utils/storage';
import { ReviewProgressSchema, type ReviewProgress } from '@/utils/shared/wire';
import { withLegacyTicks } from './migrations';
import { REVIEW_PROGRESS, REVIEW_TICKS } from '@/utils/shared/storage-keys';

const item = storage.defineItem<unknown>(REVIEW_PROGRESS.key, { fallback: {}, version: 1 });
// Before the background kept them, the options page stored the operator's own ticks here.
const legacyTicks = storage.defineItem<unknown>(REVIEW_TICKS.key, { fallback: null });

async function read(): Promise<ReviewProgress> {
  const parsed = ReviewProgressSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

// A move between keys, not a WXT migration: see migrations.ts.
/** Moves the old page-kept ticks into the review progress (a tick already there wins), then drops them. */
export async function moveLegacyTicks(): Promise<void> {
  const legacy = await legacyTicks.getValue();
  if (legacy === null) return;
  await item.setValue(withLegacyTicks(await read(), legacy));
  await legacyTicks.removeValue();
}

// Once per worker lifetime, not on every read.
let moved: Promise<void> | undefined;

export async function getReviewProgress(): Promise<ReviewProgress> {
  await (moved ??= moveLegacyTicks());
  return read();
}

/** Records when a step passed; `done: false` clears it (an operator-ticked item unticked). */
export async function markReviewStep(
  step: keyof ReviewProgress,
  done = true,
  now = Date.now(),
): Promise<ReviewProgress> {
  const next: ReviewProgress = { ...(await getReviewProgress()) };
  if (done) next[step] = now;
  else delete next[step];
  await item.setValue(next);
  return next;
}

/** How many steps a review progress records (backup previews). */
export function reviewSteps(progress: ReviewProgress): number {
  return Object.values(progress).filter((v) => typeof v === 'number').length;
}
