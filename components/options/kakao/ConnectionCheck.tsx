import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { AuthState } from '@/utils/shared/wire';
import { KAKAO_SCOPES } from '@/utils/shared/kakao-scopes';
import type { Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';

function signedInStatus(auth: AuthState): Status {
  const text = i18n.t('options.kakao.connected', { name: auth.nickname ?? '' });
  return auth.missingScopes.length
    ? { tone: 'info', text, fix: i18n.t('options.kakao.needConsent') }
    : { tone: 'ok', text };
}

/** "연결 확인": signs in with the saved key, and explains Kakao's refusal (KOE codes) in the operator's words. */
export function ConnectionCheck(props: { model: OptionsModel; onStatus: (s: Status | undefined) => void }) {
  const { model } = props;
  const [busy, setBusy] = useState(false);
  const auth = model.auth;
  const missing = KAKAO_SCOPES.filter((s) => auth?.missingScopes.includes(s));

  async function run(action: () => Promise<AuthState>, describe: (a: AuthState) => Status) {
    setBusy(true);
    props.onStatus({ tone: 'info', text: i18n.t('options.kakao.checking') });
    try {
      const next = await action();
      model.setAuth(next);
      props.onStatus(describe(next));
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const hasKey = model.settings.kakao.restApiKey !== '';
  return (
    <div>
      <h3>{i18n.t('options.kakao.checkTitle')}</h3>
      <p class="ot-muted">{hasKey ? i18n.t('options.kakao.checkHelp') : i18n.t('options.kakao.checkNeedsKey')}</p>
      {auth?.signedIn && (
        <p data-testid="kakao-signed-in">{i18n.t('options.kakao.signedInAs', { name: auth.nickname ?? '' })}</p>
      )}
      <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
        <button
          type="button"
          class="ot-primary"
          data-testid="check-connection"
          disabled={busy || !hasKey}
          aria-busy={busy}
          onClick={() => void run(() => callBackground('auth.signIn', {}), signedInStatus)}
        >
          {i18n.t('options.kakao.check')}
        </button>
        {auth?.signedIn && missing.length > 0 && (
          <button
            type="button"
            class="ot-secondary"
            data-testid="options-consent-grant"
            disabled={busy}
            onClick={() => void run(() => callBackground('auth.requestConsent', { scopes: missing }), signedInStatus)}
          >
            {i18n.t('options.kakao.grant')}
          </button>
        )}
        {auth?.signedIn && (
          <button
            type="button"
            class="ot-link"
            data-testid="kakao-signout"
            disabled={busy}
            onClick={() =>
              void run(
                () => callBackground('auth.signOut', {}),
                () => ({ tone: 'ok', text: i18n.t('options.kakao.signedOut') }),
              )
            }
          >
            {i18n.t('options.kakao.signOut')}
          </button>
        )}
      </div>
    </div>
  );
}
