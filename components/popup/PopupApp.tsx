import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { AccountCard } from './AccountCard';
import { NewFriends } from './NewFriends';
import { NextStepCard } from './NextStepCard';
import { RecentSends } from './RecentSends';
import { StatsCard } from './StatsCard';
import { usePopupState } from './usePopupState';
import type { PopupView } from '@/utils/shared/popup-protocol';
import '@/components/ui/ui.css';

function openOptions() {
  void browser.runtime.openOptionsPage();
}

function openHistory() {
  // send-history.html is another entrypoint (an unlisted page: an entrypoint named "history" would replace
  // Chrome's own History page); its path is not in the generated PublicPath yet.
  const url = (browser.runtime.getURL as (path: string) => string)('/send-history.html');
  void browser.tabs.create({ url });
}

/** `cached`: the display cache, read before the first render so the first paint already shows it. */
export function PopupApp({ cached }: { cached?: PopupView } = {}) {
  const s = usePopupState(cached);
  const auth = s.view?.auth;
  const problem = s.errors.action ?? s.errors.auth;
  return (
    <main class="popup" style={{ width: '340px', padding: '16px' }}>
      <header style={{ display: 'flex', gap: '10px', alignItems: 'center' }}>
        <img src="/icons/48.png" width={32} height={32} alt="" />
        <h1 data-testid="popup-title" style={{ fontSize: '16px', margin: 0 }}>
          {i18n.t('popup.title')}
        </h1>
      </header>
      <p class="ot-muted">{i18n.t('popup.tagline')}</p>

      {s.view && <NextStepCard step={s.view.nextStep ?? 'unknown'} onOpenOptions={openOptions} />}
      {auth ? (
        <AccountCard
          auth={auth}
          busy={s.busy}
          onSignIn={() => void s.signIn()}
          onGrant={(scopes) => void s.grant(scopes)}
        />
      ) : (
        !problem && <p class="ot-skeleton">{i18n.t('popup.loading')}</p>
      )}
      {auth?.signedIn && (
        <StatsCard
          friendsCount={s.view?.friendsCount}
          friendsAllowed={!auth.missingScopes.includes('friends')}
          quota={s.view?.quota}
          error={s.errors.stats}
          refreshing={s.refreshing}
          onRefreshFriends={() => void s.refresh(true)}
        />
      )}
      {auth?.signedIn && <NewFriends version={s.view} />}
      <p class="ot-status" role="status" aria-live="polite" data-testid="popup-status">
        {problem ? (
          <span class="ot-error">{problem.fix ? `${problem.text} ${problem.fix}` : problem.text}</span>
        ) : s.refreshing ? (
          <span class="ot-muted">{i18n.t('popup.refreshing')}</span>
        ) : null}
      </p>
      {s.view && <RecentSends recent={s.view.recent} error={s.errors.recent} />}

      <footer class="ot-row" style={{ marginTop: '12px' }}>
        <span style={{ display: 'flex', gap: '8px' }}>
          <button class="ot-secondary" data-testid="open-history" onClick={openHistory}>
            {i18n.t('popup.openHistory')}
          </button>
          <button class="ot-secondary" data-testid="open-options" onClick={openOptions}>
            {i18n.t('popup.openOptions')}
          </button>
        </span>
        {auth?.signedIn && (
          <button class="ot-link" data-testid="signout" disabled={s.busy} onClick={() => void s.signOut()}>
            {i18n.t('popup.signOut')}
          </button>
        )}
      </footer>
    </main>
  );
}
