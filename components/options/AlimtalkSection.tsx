import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { callBackground } from '@/utils/pages/background-client';
import type { AlimtalkState } from '@/utils/shared/alimtalk-wire';
import { CredentialsForm } from './alimtalk/CredentialsForm';
import { AccountCheck } from './alimtalk/AccountCheck';
import { TemplateMapping } from './alimtalk/TemplateMapping';

export const SOLAPI_CONSOLE_URL = 'https://console.solapi.com';

/** 알림톡: the operator's own SOLAPI account, channel and templates, for the orders friend messages cannot reach. */
export function AlimtalkSection(props: { model: OptionsModel }) {
  const [status, setStatus] = useState<Status>();
  const [state, setState] = useState<AlimtalkState>();
  useEffect(() => {
    void callBackground('alimtalk.state', {})
      .then(setState)
      .catch(() => undefined);
  }, []);
  const { model } = props;
  return (
    <Section name="alimtalk" title={i18n.t('alimtalk.title')}>
      <p>
        {i18n.t('alimtalk.intro')}{' '}
        <a href={SOLAPI_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
          {i18n.t('alimtalk.consoleLink')}
        </a>
      </p>
      <CredentialsForm model={model} state={state} onState={setState} onStatus={setStatus} />
      {model.settings.alimtalk.enabled && state?.credentials.set && (
        <>
          <h3>{i18n.t('alimtalk.accountTitle')}</h3>
          <AccountCheck model={model} onStatus={setStatus} />
          <TemplateMapping model={model} state={state} onState={setState} onStatus={setStatus} />
        </>
      )}
      <StatusMessage status={status} testId="alimtalk-status" />
    </Section>
  );
}
