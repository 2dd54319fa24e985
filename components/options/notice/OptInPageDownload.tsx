import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { buildOptInPage, OPT_IN_FILE_NAME } from '@/utils/shared/onboarding/opt-in-page';
import { optionalKeyProblem } from '@/utils/shared/onboarding/rest-key';
import { downloadText } from '@/components/ui/download';
import { Field } from '@/components/ui/Field';

/**
 * The opt-in page: one HTML file the operator hosts on a domain they control, where customers sign in with
 * Kakao and consent — the only way a customer becomes reachable.
 */
export function OptInPageDownload(props: { storeName: string; storeUrl: string }) {
  const [jsKey, setJsKey] = useState('');
  const [done, setDone] = useState(false);
  const keyError = optionalKeyProblem(jsKey) ? i18n.t('options.notice.jsKeyFormat') : undefined;

  function download() {
    if (keyError) return;
    downloadText(
      OPT_IN_FILE_NAME,
      buildOptInPage({ storeName: props.storeName, storeUrl: props.storeUrl, javascriptKey: jsKey }),
      'text/html;charset=utf-8',
    );
    setDone(true);
  }

  return (
    <div>
      <h3>{i18n.t('options.notice.pageTitle')}</h3>
      <p class="ot-muted">{i18n.t('options.notice.pageHelp')}</p>
      <Field
        id="optin-js-key"
        testId="optin-js-key"
        label={i18n.t('options.notice.jsKey')}
        value={jsKey}
        onValue={setJsKey}
        help={i18n.t('options.notice.jsKeyHelp')}
        error={keyError}
        autocomplete="off"
        spellcheck={false}
        maxLength={64}
      />
      <button type="button" class="ot-primary" data-testid="optin-download" disabled={!!keyError} onClick={download}>
        {i18n.t('options.notice.download')}
      </button>
      <p class="ot-ok" role="status" aria-live="polite">
        {done ? i18n.t('options.notice.downloaded', { file: OPT_IN_FILE_NAME }) : ''}
      </p>
      <ol class="ot-list">
        <li>{i18n.t('options.notice.hostStep1')}</li>
        <li>{i18n.t('options.notice.hostStep2')}</li>
        <li>{i18n.t('options.notice.hostStep3')}</li>
        <li>{i18n.t('options.notice.hostStep4')}</li>
        <li>{i18n.t('options.notice.hostStep5')}</li>
      </ol>
    </div>
  );
}
