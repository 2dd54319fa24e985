import type { AuthState } from '@/utils/messaging/wire';

export type NextStep = 'stepKey' | 'stepSignIn' | 'stepConsent' | 'stepTest' | 'ready';

/** The one thing the operator should do next to reach a first delivered message. */
export function nextStep(auth: AuthState | undefined, testedAt?: number): NextStep {
  if (!auth?.configured) return 'stepKey';
  if (!auth.signedIn) return 'stepSignIn';
  if (auth.missingScopes.some((s) => s === 'friends' || s === 'talk_message')) return 'stepConsent';
  if (!testedAt) return 'stepTest';
  return 'ready';
}
