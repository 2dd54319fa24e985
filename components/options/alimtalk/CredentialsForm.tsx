import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { Field } from '@/components/ui/Field';
import type { Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { SOLAPI_HOST_PERMISSIONS } from '@/utils/shared/hosts';
import type { AlimtalkState } from '@/utils/shared/alimtalk-wire';

/**
 * The AlimTalk switch and the SOLAPI key and secret. Both are write-only: they go to the background's sealed store
 * and only "saved (…ABCD)" comes back. Switching AlimTalk on asks for api.solapi.com, inside this click.
 */
export function CredentialsForm(props: {
  model: OptionsModel;
  state?: AlimtalkState;
  onState: (s: AlimtalkState) => void;
  onStatus: (s: Status | undefined) => void;
}) {
  const { model, state } = props;
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const enabled = model.settings.alimtalk.enabled;

  async function toggle(on: boolean) {
    props.onStatus(undefined);
    try {
      if (on) {
        const granted = await browser.permissions.request({ origins: SOLAPI_HOST_PERMISSIONS }).catch(() => false);
        if (!granted) {
          props.onStatus({ tone: 'error', text: i18n.t('alimtalk.permissionDenied') });
          return;
        }
      }
      await model.saveSettings({ alimtalk: { enabled: on } });
      if (!on) await browser.permissions.remove({ origins: SOLAPI_HOST_PERMISSIONS }).catch(() => false);
      props.onStatus({ tone: 'ok', text: on ? i18n.t('alimtalk.turnedOn') : i18n.t('alimtalk.turnedOff') });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    if (!apiKey.trim() || !apiSecret.trim()) {
      props.onStatus({ tone: 'error', text: i18n.t('alimtalk.bothNeeded') });
      return;
    }
    setBusy(true);
    props.onStatus(undefined);
    try {
      props.onState(
        await callBackground('alimtalk.setCredentials', {
          credentials: { apiKey: apiKey.trim(), apiSecret: apiSecret.trim() },
        }),
      );
      setApiKey('');
      setApiSecret('');
      props.onStatus({ tone: 'ok', text: i18n.t('alimtalk.keySaved') });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function clear() {
    setBusy(true);
    try {
      props.onState(await callBackground('alimtalk.setCredentials', { credentials: null }));
      props.onStatus({ tone: 'ok', text: i18n.t('alimtalk.keyCleared') });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const saved = state?.credentials.set;
  return (
    <>
      <label class="ot-check">
        <input
          type="checkbox"
          data-testid="alimtalk-enabled"
          checked={enabled}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        {i18n.t('alimtalk.enable')}
      </label>
      <form onSubmit={(e) => void save(e)} noValidate>
        <Field
          id="alimtalk-api-key"
          testId="alimtalk-api-key"
          label={i18n.t('alimtalk.apiKey')}
          value={apiKey}
          onValue={setApiKey}
          help={
            saved ? i18n.t('alimtalk.keySet', { hint: state?.credentials.keyHint ?? '' }) : i18n.t('alimtalk.keyHelp')
          }
          autocomplete="off"
          spellcheck={false}
          maxLength={100}
        />
        <Field
          id="alimtalk-api-secret"
          testId="alimtalk-api-secret"
          type="password"
          label={i18n.t('alimtalk.apiSecret')}
          value={apiSecret}
          onValue={setApiSecret}
          help={i18n.t('alimtalk.secretHelp')}
          autocomplete="new-password"
          maxLength={200}
        />
        <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
          <button class="ot-primary" data-testid="alimtalk-save" type="submit" disabled={busy} aria-busy={busy}>
            {i18n.t('options.save')}
          </button>
          {saved && (
            <button
              type="button"
              class="ot-secondary"
              data-testid="alimtalk-clear"
              disabled={busy}
              onClick={() => void clear()}
            >
              {i18n.t('alimtalk.keyClear')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
