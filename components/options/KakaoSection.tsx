import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { RestKeyForm } from './kakao/RestKeyForm';
import { RedirectUris } from './kakao/RedirectUris';
import { ConsoleGuide } from './kakao/ConsoleGuide';
import { ConnectionCheck } from './kakao/ConnectionCheck';

export const KAKAO_CONSOLE_URL = 'https://developers.kakao.com/console/app';

/** Step 1: the operator's own Kakao app — key, redirect URIs, console switches, and a live sign-in check. */
export function KakaoSection(props: { model: OptionsModel; headingRef?: Ref<HTMLHeadingElement> }) {
  // One live region for the section: saving and signing in both report here.
  const [status, setStatus] = useState<Status>();
  return (
    <Section name="kakao" title={i18n.t('options.kakao.title')} headingRef={props.headingRef}>
      <p>
        {i18n.t('options.kakao.intro')}{' '}
        <a href={KAKAO_CONSOLE_URL} target="_blank" rel="noopener noreferrer">
          {i18n.t('options.kakao.consoleLink')}
        </a>
      </p>
      <RedirectUris />
      <ConsoleGuide storeUrl={props.model.settings.store.url} />
      <h3>{i18n.t('options.kakao.keyTitle')}</h3>
      <RestKeyForm model={props.model} onStatus={setStatus} />
      <ConnectionCheck model={props.model} onStatus={setStatus} />
      <StatusMessage status={status} testId="kakao-status" />
    </Section>
  );
}
