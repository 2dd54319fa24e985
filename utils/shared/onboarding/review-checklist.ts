import type { SetupInput } from '@/utils/shared/setup-step';
import { urlInLinkDomains } from './store-checks';

// Kakao's checklist for the KakaoTalk friends/message feature (docs/reference/kakao-review-conversation.txt,
// docs/reference/kakao-api.md §8), item by item, with where each state comes from.

/** Operator-confirmed ticks: things only the operator can check in Kakao's console or on their site. */
export const TICK_STEPS = ['bizAppAt', 'appIdentityAt', 'optInPageAt'] as const;
export type TickStep = (typeof TICK_STEPS)[number];
export type Ticks = Partial<Record<TickStep, number>>;

export type ReviewItemId =
  'biz-app' | 'app-identity' | 'kakao-login' | 'link-domain' | 'opt-in-page' | 'team-member' | 'notice';
export type ReviewSource =
  | { kind: 'tick'; tick: TickStep }
  | { kind: 'auto' }
  | { kind: 'progress'; page: 'kakao' | 'store' | 'test' | 'notice' };

export interface ReviewItem {
  id: ReviewItemId;
  done: boolean;
  /** When it passed, if known. */
  at?: number;
  source: ReviewSource;
}

export interface ReviewInput extends SetupInput {
  settings?: SetupInput['settings'] & { store: { linkDomains: string[] } };
  ticks?: Ticks;
}

export function reviewItems(input: ReviewInput): ReviewItem[] {
  const { auth, settings, reviewProgress = {}, ticks = {} } = input;
  const tick = (id: ReviewItemId, step: TickStep): ReviewItem => ({
    id,
    done: !!ticks[step],
    at: ticks[step],
    source: { kind: 'tick', tick: step },
  });
  return [
    tick('biz-app', 'bizAppAt'),
    tick('app-identity', 'appIdentityAt'),
    {
      id: 'kakao-login',
      done: !!auth?.signedIn && !auth.missingScopes.includes('friends') && !auth.missingScopes.includes('talk_message'),
      source: { kind: 'progress', page: 'kakao' },
    },
    {
      id: 'link-domain',
      done: !!settings && urlInLinkDomains(settings.store.url, settings.store.linkDomains),
      source: { kind: 'progress', page: 'store' },
    },
    tick('opt-in-page', 'optInPageAt'),
    {
      id: 'team-member',
      done: !!reviewProgress.teamMemberAt,
      at: reviewProgress.teamMemberAt,
      source: { kind: 'progress', page: 'test' },
    },
    {
      id: 'notice',
      done: !!reviewProgress.noticeViewedAt,
      at: reviewProgress.noticeViewedAt,
      source: { kind: 'progress', page: 'notice' },
    },
  ];
}
