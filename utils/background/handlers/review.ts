import type { Handlers } from '@/utils/background/server';
import { getReviewProgress, markReviewStep } from '@/utils/background/storage/review-progress';

/** review.*: which of Kakao's review steps have passed (utils/shared/onboarding/review-checklist.ts). */
export function createReviewHandlers(): Handlers {
  return {
    'review.get': () => getReviewProgress(),
    'review.mark': ({ step, done }) => markReviewStep(step, done ?? true),
  };
}
