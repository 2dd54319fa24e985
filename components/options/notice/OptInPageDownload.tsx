import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { buildOptInPage, OPT_IN_FILE_NAME, staticPageConsoleSettings } from '@/utils/shared/onboarding/opt-in-page';
import { optionalKeyProblem } from '@/utils/shared/onboarding/rest-key';
import { downloadText } from '@/components/ui/download';
import { Field } from '@/components/ui/Field';
import { CopyField } from '@/components/options/common/CopyField';

/**
 * The light opt-in form: one HTML file the operator hosts on a domain they control. It completes Kakao Login in
 * the page with a REST API key of its own (client secret off) — behaviour Kakao does not document, so it is
 * labelled as such, with the exact console settings it needs for the address it will live at.
 */
export function OptInPageDownload(props: { storeName: string; storeUrl: string; appName?: string }) {
  const [restKey, setRestKey] = useState('');
  const [jsKey, setJsKey] = useState('');
  const [pageUrl, setPageUrl] = useState('');
  const [done, setDone] = useState(false);
  const restError = optionalKeyProblem(restKey) ? i18n.t('optin.staticRestKeyFormat') : undefined;
  const jsError = optionalKeyProblem(jsKey) ? i18n.t('options.notice.jsKeyFormat') : undefined;
  const console = staticPageConsoleSettings(pageUrl);

  function download() {
    if (restError || jsError) return;
    downloadText(
      OPT_IN_FILE_NAME,
      buildOptInPage({
        storeName: props.storeName,
        storeUrl: props.storeUrl,
        restApiKey: restKey,
        javascriptKey: jsKey,
        appName: props.appName,
      }),
      'text/html;charset=utf-8',
    );
    setDone(true);
  }

  return (
    <div data-testid="optin-static">
      <h3>{i18n.t('options.notice.pageTitle')}</h3>
      <p class="ot-warn" data-testid="optin-static-warning">
        {i18n.t('optin.staticWarn')}
      </p>
      <Field
        id="optin-static-rest-key"
        testId="optin-static-rest-key"
        label={i18n.t('optin.staticRestKey')}
        value={restKey}
        onValue={setRestKey}
        help={i18n.t('optin.staticRestKeyHelp')}
        error={restError}
        autocomplete="off"
        spellcheck={false}
        maxLength={64}
      />
      <Field
        id="optin-js-key"
        testId="optin-js-key"
        label={i18n.t('options.notice.jsKey')}
        value={jsKey}
        onValue={setJsKey}
        help={i18n.t('options.notice.jsKeyHelp')}
        error={jsError}
        autocomplete="off"
        spellcheck={false}
        maxLength={64}
      />
      <Field
        id="optin-static-page-url"
        testId="optin-static-page-url"
        label={i18n.t('optin.staticPageUrl')}
        value={pageUrl}
        onValue={setPageUrl}
        placeholder="https://shop.example.kr/kakao-optin.html"
        help={i18n.t('optin.staticPageUrlHelp')}
        error={pageUrl.trim() && !console ? i18n.t('optin.staticPageUrlInvalid') : undefined}
        autocomplete="off"
        spellcheck={false}
        maxLength={300}
      />
      <h4>{i18n.t('optin.staticConsole')}</h4>
      <ol class="ot-list" data-testid="optin-static-console">
        <li>{i18n.t('optin.staticConsoleSecret')}</li>
        <li>
          {i18n.t('optin.staticConsoleRedirect')}{' '}
          {console ? (
            <code data-testid="optin-static-redirect-uri">{console.redirectUri}</code>
          ) : (
            <code>https://…/kakao-optin.html</code>
          )}
        </li>
        <li>
          {i18n.t('optin.staticConsoleDomain')}{' '}
          {console ? <code data-testid="optin-static-web-domain">{console.webDomain}</code> : <code>https://…</code>}
        </li>
        <li>{i18n.t('optin.staticConsoleTest')}</li>
      </ol>
      {console && (
        <CopyField
          id="optin-static-redirect-copy"
          testId="optin-static-redirect-copy"
          label={i18n.t('optin.redirectUri')}
          value={console.redirectUri}
        />
      )}
      <button
        type="button"
        class="ot-primary"
        data-testid="optin-download"
        disabled={!!restError || !!jsError}
        onClick={download}
      >
        {i18n.t('options.notice.download')}
      </button>
      <p class="ot-ok" role="status" aria-live="polite">
        {done ? i18n.t('options.notice.downloaded', { file: OPT_IN_FILE_NAME }) : ''}
      </p>
    </div>
  );
}
