import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { restKeyProblem } from '@/utils/shared/onboarding/rest-key';
import { Field } from '@/components/ui/Field';
import { useOnChange } from '@/components/ui/useOnChange';
import type { Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';

function keyError(problem: ReturnType<typeof restKeyProblem>, length: number): string | undefined {
  if (problem === 'empty') return i18n.t('options.kakao.restKeyEmpty');
  if (problem === 'format') return i18n.t('options.kakao.restKeyFormat', { length });
  return undefined;
}

/** The REST API key (checked as typed) and the optional, write-only client secret. */
export function RestKeyForm(props: { model: OptionsModel; onStatus: (s: Status | undefined) => void }) {
  const { model } = props;
  const [key, setKey] = useState(model.settings.kakao.restApiKey);
  const [secret, setSecret] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  // A reload (import, erase) brings new settings.
  useOnChange(model.settings.kakao.restApiKey, setKey);

  const problem = restKeyProblem(key);
  const error = touched ? keyError(problem, key.trim().length) : undefined;

  async function save(e: Event) {
    e.preventDefault();
    setTouched(true);
    if (problem) {
      (document.getElementById('rest-key') as HTMLInputElement | null)?.focus();
      return;
    }
    setBusy(true);
    props.onStatus(undefined);
    try {
      await model.saveSettings({ kakao: { restApiKey: key.trim() } });
      if (secret.trim()) {
        await callBackground('settings.setClientSecret', { secret: secret.trim() });
        setSecret('');
      }
      model.setAuth(await callBackground('auth.state', {}));
      props.onStatus({ tone: 'ok', text: i18n.t('options.saved') });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function clearSecret() {
    setBusy(true);
    try {
      await callBackground('settings.setClientSecret', { secret: null });
      model.setAuth(await callBackground('auth.state', {}));
      props.onStatus({ tone: 'ok', text: i18n.t('options.kakao.secretCleared') });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const hasSecret = !!model.auth?.hasClientSecret;
  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Field
        id="rest-key"
        testId="kakao-rest-key"
        label={i18n.t('options.kakao.restKey')}
        value={key}
        onValue={(v) => {
          setKey(v);
          setTouched(true);
        }}
        help={i18n.t('options.kakao.restKeyHelp')}
        error={error}
        autocomplete="off"
        spellcheck={false}
        maxLength={64}
        required
      />
      <Field
        id="client-secret"
        testId="kakao-client-secret"
        type="password"
        label={i18n.t('options.kakao.secret')}
        value={secret}
        onValue={setSecret}
        help={`${hasSecret ? i18n.t('options.kakao.secretSet') : i18n.t('options.kakao.secretNotSet')} ${i18n.t('options.kakao.secretWarn')}`}
        autocomplete="new-password"
        maxLength={200}
      />
      <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
        <button
          class="ot-primary"
          data-testid="settings-save"
          type="submit"
          disabled={busy || !!error}
          aria-busy={busy}
        >
          {i18n.t('options.save')}
        </button>
        {hasSecret && (
          <button
            type="button"
            class="ot-secondary"
            data-testid="client-secret-clear"
            disabled={busy}
            onClick={() => void clearSecret()}
          >
            {i18n.t('options.kakao.secretClear')}
          </button>
        )}
      </div>
    </form>
  );
}
