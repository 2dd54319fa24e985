import type { AuthState } from './wire';

// What the operator should do next, from install to a first delivered message and a Kakao review
// application. Pure, so the popup and the options wizard agree and the table is unit-tested.

export const SETUP_STEPS = ['rest-key', 'sign-in', 'consent', 'store', 'send-to-me', 'team-member', 'notice'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];
/** `done`: nothing left; `unknown`: an earlier step could not be judged (state not loaded). */
export type NextSetupStep = SetupStep | 'done' | 'unknown';

export interface SetupInput {
  auth?: Pick<AuthState, 'configured' | 'signedIn' | 'missingScopes'>;
  settings?: { kakao: { restApiKey: string }; store: { name: string; url: string } };
  reviewProgress?: { sendToMeAt?: number; teamMemberAt?: number; noticeViewedAt?: number };
}

type Judge = (input: SetupInput) => boolean | undefined;

// Each step: undefined = cannot tell yet, true = done.
const DONE: Record<SetupStep, Judge> = {
  'rest-key': ({ auth, settings }) => {
    if (settings) return settings.kakao.restApiKey.trim() !== '';
    return auth?.configured;
  },
  'sign-in': ({ auth }) => auth?.signedIn,
  consent: ({ auth }) => (auth ? auth.missingScopes.length === 0 : undefined),
  store: ({ settings }) => (settings ? settings.store.name.trim() !== '' && settings.store.url !== '' : undefined),
  'send-to-me': ({ reviewProgress: p }) => (p ? !!p.sendToMeAt : undefined),
  'team-member': ({ reviewProgress: p }) => (p ? !!p.teamMemberAt : undefined),
  notice: ({ reviewProgress: p }) => (p ? !!p.noticeViewedAt : undefined),
};

export function nextSetupStep(input: SetupInput): NextSetupStep {
  for (const step of SETUP_STEPS) {
    const done = DONE[step](input);
    if (done === undefined) return 'unknown';
    if (!done) return step;
  }
  return 'done';
}

/** The options wizard's pages, in order; each setup step lives on one of them. */
export const WIZARD_PAGES = ['kakao', 'store', 'test', 'notice', 'review'] as const;
export type WizardPage = (typeof WIZARD_PAGES)[number];

export function wizardPageFor(step: NextSetupStep): WizardPage {
  switch (step) {
    case 'rest-key':
    case 'sign-in':
    case 'consent':
    case 'unknown':
      return 'kakao';
    case 'store':
      return 'store';
    case 'send-to-me':
    case 'team-member':
      return 'test';
    case 'notice':
      return 'notice';
    case 'done':
      return 'review';
  }
}
