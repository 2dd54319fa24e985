import { browser } from 'wxt/browser';
import { callBackground } from '@/utils/pages/background-client';

/** The one action a problem offers ('sign-in', 'grant-consent', 'open-settings', 'relink'); link is the card's. */
export type FixAction = 'sign-in' | 'grant-consent' | 'open-settings' | 'relink' | 'link';

/** Runs a fix that is not the card's own (linking): afterwards the window is prepared again. */
export async function runFix(action: FixAction): Promise<void> {
  if (action === 'sign-in') await callBackground('auth.signIn', {});
  else if (action === 'grant-consent')
    await callBackground('auth.requestConsent', { scopes: ['friends', 'talk_message'] });
  else if (action === 'open-settings') await browser.runtime.openOptionsPage();
  else if (action === 'relink') await callBackground('friends.list', { refresh: true });
}
