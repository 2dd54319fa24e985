import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { CopyField } from '@/components/options/common/CopyField';
import { Field } from '@/components/ui/Field';
import { OptInPageDownload } from './OptInPageDownload';
import { workerRedirectUri, wranglerVars } from './worker-config';

type Form = 'worker' | 'static';

/**
 * The two opt-in forms. The Worker (recommended) redeems the code on a server as Kakao documents; the static
 * page is the older single file.
 */
export function OptInForms(props: { restApiKey: string; storeName: string; storeUrl: string; noticeText: string }) {
  const [form, setForm] = useState<Form>('worker');
  const [workerUrl, setWorkerUrl] = useState('');
  const [appName, setAppName] = useState('');
  const redirectUri = workerRedirectUri(workerUrl);
  return (
    <div>
      <h3>{i18n.t('optin.title')}</h3>
      <div class="ot-field">
        <label for="optin-form">{i18n.t('optin.formLabel')}</label>
        <select
          id="optin-form"
          data-testid="optin-form"
          value={form}
          onChange={(e) => setForm((e.currentTarget as HTMLSelectElement).value as Form)}
        >
          <option value="worker">{i18n.t('optin.formWorker')}</option>
          <option value="static">{i18n.t('optin.formStatic')}</option>
        </select>
      </div>
      {form === 'static' ? (
        <OptInPageDownload storeName={props.storeName} storeUrl={props.storeUrl} appName={appName || undefined} />
      ) : (
        <div data-testid="optin-worker">
          <p class="ot-muted">{i18n.t('optin.workerHelp')}</p>
          <Field
            id="optin-worker-url"
            testId="optin-worker-url"
            label={i18n.t('optin.workerUrl')}
            value={workerUrl}
            onValue={setWorkerUrl}
            placeholder="https://ordertalk-optin.<account>.workers.dev"
            help={i18n.t('optin.workerUrlHelp')}
            error={workerUrl.trim() && !redirectUri ? i18n.t('optin.workerUrlInvalid') : undefined}
            autocomplete="off"
            spellcheck={false}
            maxLength={200}
          />
          {redirectUri && (
            <CopyField
              id="optin-redirect-uri"
              testId="optin-redirect-uri"
              label={i18n.t('optin.redirectUri')}
              value={redirectUri}
            />
          )}
          <Field
            id="optin-app-name"
            testId="optin-app-name"
            label={i18n.t('optin.appName')}
            value={appName}
            onValue={setAppName}
            help={i18n.t('optin.appNameHelp')}
            maxLength={40}
          />
          <CopyField
            id="optin-wrangler-vars"
            testId="optin-wrangler-vars"
            multiline
            label={i18n.t('optin.vars')}
            value={wranglerVars({
              restApiKey: props.restApiKey,
              appName: appName || props.storeName,
              storeName: props.storeName,
              storeUrl: props.storeUrl,
              noticeText: props.noticeText,
            })}
          />
          <p class="ot-muted">{i18n.t('optin.secret')}</p>
          <code class="ot-code">
            npx wrangler@4.60.0 secret put KAKAO_CLIENT_SECRET --config optin-worker/wrangler.toml
          </code>
        </div>
      )}
    </div>
  );
}
