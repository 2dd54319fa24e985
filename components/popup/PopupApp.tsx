import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/messaging/client';
import type { AuthState } from '@/utils/messaging/wire';
import { errorMessage } from '@/components/ui/localized';
import { nextStep } from './next-step';
import { readPopupCache, writePopupCache, type PopupCache } from './popup-cache';
import { statusText, stepText } from '@/components/ui/labels';
import '@/components/ui/ui.css';


export function PopupApp() {
  const [view, setView] = useState<PopupCache>({});
  const [testedAt, setTestedAt] = useState<number | undefined>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const update = (patch: PopupCache) =>
    setView((prev) => {
      const next = { ...prev, ...patch };
      void writePopupCache(next);
      return next;
    });

  async function refresh(friendsRefresh = false) {
    try {
      const auth = await callBackground('auth.state', {});
      update({ auth });
      setTestedAt((await callBackground('checklist.get', {})).sendToMeAt);
      if (auth.signedIn) {
        const quota = await callBackground('quota.get', {});
        update({ quota });
        if (!auth.missingScopes.includes('friends')) {
          update({ friendsCount: (await callBackground('friends.list', { refresh: friendsRefresh })).totalCount });
        }
      }
      const recent = await callBackground('history.list', { limit: 5 }).catch(() => null);
      if (recent) update({ recent: recent.records });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => {
    // Paint from the cache first, then ask the background.
    void readPopupCache().then((cached) => setView((prev) => ({ ...cached, ...prev })));
    void refresh();
  }, []);

  async function act(run: () => Promise<AuthState>) {
    setBusy(true);
    setError('');
    try {
      update({ auth: await run() });
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const auth = view.auth;
  const step = nextStep(auth, testedAt);
  const missing = auth?.missingScopes.filter((s) => s !== 'profile_nickname') ?? [];
  return (
    <main class="popup" style={{ width: '340px', padding: '16px' }}>
      <header style={{ display: 'flex', gap: '10px', alignItems: 'center' }}>
        <img src="/icons/48.png" width={32} height={32} alt="" />
        <h1 data-testid="popup-title" style={{ fontSize: '16px', margin: 0 }}>{i18n.t('popup.title')}</h1>
      </header>
      <p class="ot-muted">{i18n.t('popup.tagline')}</p>

      {step !== 'ready' && (
        <p class="ot-card" data-testid="setup-next">
          <strong>{i18n.t('popup.nextStep')}: </strong>
          {stepText(step)}
        </p>
      )}

      {auth?.signedIn ? (
        <section class="ot-card">
          <div class="ot-row">
            <span style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
              {auth.pictureUrl && <img src={auth.pictureUrl} width={28} height={28} alt="" style={{ borderRadius: '50%' }} />}
              <strong data-testid="signed-in-nickname">{auth.nickname}</strong>
            </span>
            <span class="ot-muted">{i18n.t('popup.signedInAs')}</span>
          </div>
          <div class="ot-row" style={{ marginTop: '8px' }}>
            <span>
              <span class="ot-chip" data-ok={String(!missing.includes('friends'))}>{i18n.t('popup.consentFriends')}</span>{' '}
              <span class="ot-chip" data-ok={String(!missing.includes('talk_message'))}>{i18n.t('popup.consentTalk')}</span>
            </span>
            {missing.length > 0 && (
              <button class="ot-primary" data-testid="consent-grant" disabled={busy} onClick={() => act(() => callBackground('auth.requestConsent', { scopes: missing as ('friends' | 'talk_message')[] }))}>
                {i18n.t('popup.grant')}
              </button>
            )}
          </div>
          <div class="ot-row" style={{ marginTop: '8px' }}>
            <span>{i18n.t('popup.friends')}: <strong data-testid="friends-count">{view.friendsCount ?? '–'}</strong></span>
            <button class="ot-link" onClick={() => refresh(true)}>{i18n.t('popup.refresh')}</button>
          </div>
          <div class="ot-row" style={{ marginTop: '8px' }}>
            <span>{i18n.t('popup.quota')}</span>
            <strong data-testid="quota-left">
              {view.quota ? i18n.t('popup.quotaLeft', { left: view.quota.senderLeft, limit: view.quota.senderLimit }) : '–'}
            </strong>
          </div>
        </section>
      ) : (
        auth?.configured && (
          <button class="ot-primary" data-testid="signin" disabled={busy} onClick={() => act(() => callBackground('auth.signIn', {}))}>
            {i18n.t('popup.signIn')}
          </button>
        )
      )}

      <section>
        <h2 style={{ fontSize: '13px' }}>{i18n.t('popup.recent')}</h2>
        {view.recent?.length ? (
          <ul style={{ paddingLeft: '16px', margin: 0 }}>
            {view.recent.map((r) => (
              <li key={r.id} data-status={r.status}>
                {r.recipientNickname} · {r.templateName} · {statusText(r.status)}
              </li>
            ))}
          </ul>
        ) : (
          <p class="ot-muted">{i18n.t('popup.noRecent')}</p>
        )}
      </section>

      {error && <p class="ot-error" role="alert">{error}</p>}
      <footer class="ot-row" style={{ marginTop: '12px' }}>
        <button class="ot-secondary" onClick={() => browser.runtime.openOptionsPage()}>{i18n.t('common.openOptions')}</button>
        <button class="ot-secondary" data-testid="open-history" onClick={() => browser.tabs.create({ url: browser.runtime.getURL('/history.html' as '/popup.html') })}>{i18n.t('common.openHistory')}</button>
        {auth?.signedIn && (
          <button class="ot-link" onClick={() => act(() => callBackground('auth.signOut', {}))}>{i18n.t('popup.signOut')}</button>
        )}
      </footer>
    </main>
  );
}
