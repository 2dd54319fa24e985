import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/messaging/client';
import type { AuthState } from '@/utils/messaging/wire';
import type { Settings } from '@/utils/settings/schema';
import { REST_API_KEY_PATTERN } from '@/utils/settings/schema';
import { chromeRedirectUri, firefoxRedirectUri } from '@/utils/extension-identity';
import { errorMessage } from '@/components/ui/localized';
import { CopyField } from './CopyField';

export function KakaoSection(props: { settings: Settings; onSaved: (s: Settings) => void; auth?: AuthState; onAuth: (a: AuthState) => void }) {
  const [key, setKey] = useState(props.settings.kakao.restApiKey);
  const [secret, setSecret] = useState('');
  const [uris, setUris] = useState<{ chrome: string; firefox: string; running: string }>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const keyInvalid = key.trim() !== '' && !REST_API_KEY_PATTERN.test(key.trim());

  useEffect(() => setKey(props.settings.kakao.restApiKey), [props.settings.kakao.restApiKey]);
  useEffect(() => {
    void (async () => {
      let running = '';
      try {
        running = browser.identity.getRedirectURL('kakao');
      } catch {
        // identity is unavailable outside the extension (tests).
      }
      setUris({ chrome: await chromeRedirectUri(), firefox: await firefoxRedirectUri(), running });
    })();
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    if (keyInvalid) return;
    setBusy(true);
    try {
      const saved = await callBackground('settings.save', { settings: { ...props.settings, kakao: { restApiKey: key.trim() } } });
      if (secret.trim()) await callBackground('settings.setClientSecret', { secret: secret.trim() });
      setSecret('');
      props.onSaved(saved);
      props.onAuth(await callBackground('auth.state', {}));
      setStatus({ ok: true, text: i18n.t('options.saved') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  async function check() {
    setBusy(true);
    setStatus(undefined);
    try {
      const auth = await callBackground('auth.signIn', {});
      props.onAuth(auth);
      setStatus({ ok: true, text: i18n.t('options.connected', { name: auth.nickname ?? '' }) });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="ot-card" data-testid="options-section-kakao" aria-labelledby="kakao-h">
      <h2 id="kakao-h">{i18n.t('options.sectionKakao')}</h2>
      <form onSubmit={save}>
        <label class="ot-field">
          <span>{i18n.t('options.restKey')}</span>
          <input data-testid="kakao-rest-key" value={key} onInput={(e) => setKey(e.currentTarget.value)} autocomplete="off" spellcheck={false} aria-invalid={keyInvalid} aria-describedby="rest-key-help" />
          <small id="rest-key-help" class={keyInvalid ? 'ot-error' : 'ot-muted'}>{keyInvalid ? i18n.t('options.restKeyInvalid') : i18n.t('options.restKeyHelp')}</small>
        </label>
        <label class="ot-field">
          <span>{i18n.t('options.clientSecret')}</span>
          <input data-testid="kakao-client-secret" type="password" value={secret} onInput={(e) => setSecret(e.currentTarget.value)} autocomplete="off" aria-describedby="secret-help" />
          <small id="secret-help" class="ot-muted">
            {props.auth?.hasClientSecret ? `${i18n.t('options.clientSecretSet')} ` : ''}
            {i18n.t('options.clientSecretWarn')}
          </small>
        </label>
        <button class="ot-primary" data-testid="settings-save" type="submit" disabled={busy || keyInvalid}>{i18n.t('options.save')}</button>
      </form>
      <h3>{i18n.t('options.redirectUris')}</h3>
      <p class="ot-muted">{i18n.t('options.redirectHelp')}</p>
      {uris && (
        <>
          <CopyField label="Chrome" testId="redirect-uri-chrome" value={uris.chrome} />
          <CopyField label="Firefox" testId="redirect-uri-firefox" value={uris.firefox} />
          {uris.running && uris.running !== uris.chrome && uris.running !== uris.firefox && (
            <CopyField label={i18n.t('options.redirectRunning')} testId="redirect-uri-running" value={uris.running} />
          )}
        </>
      )}
      <p class="ot-muted">{i18n.t('options.consentItems')}</p>
      <p class="ot-muted">{i18n.t('options.linkDomainHelp')}</p>
      <button class="ot-secondary" data-testid="check-connection" onClick={check} disabled={busy || !props.settings.kakao.restApiKey}>
        {i18n.t('options.checkConnection')}
      </button>
      {status && <p role="status" aria-live="polite" data-testid="kakao-status" class={status.ok ? 'ot-ok' : 'ot-error'}>{status.text}</p>}
    </section>
  );
}
