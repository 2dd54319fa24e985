import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { customerNoticeText } from '@/utils/shared/onboarding/customer-notice';
import { Section } from '@/components/ui/Section';
import { CopyField } from '@/components/options/common/CopyField';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { OptInForms } from './notice/OptInForms';
import { NoticeScreenshot } from './notice/NoticeScreenshot';

/** Step 4: what customers are told (ready text), and the page where they opt in. */
export function NoticeSection(props: { model: OptionsModel; headingRef?: Ref<HTMLHeadingElement> }) {
  const store = props.model.settings.store;
  return (
    <Section
      name="notice"
      title={i18n.t('options.notice.title')}
      intro={i18n.t('options.notice.intro')}
      headingRef={props.headingRef}
    >
      {!store.name.trim() && <p class="ot-warn">{i18n.t('options.notice.noStoreName')}</p>}
      <CopyField
        id="customer-notice"
        multiline
        label={i18n.t('options.notice.textLabel')}
        testId="customer-notice"
        value={customerNoticeText(store.name)}
      />
      <OptInForms
        restApiKey={props.model.settings.kakao.restApiKey}
        storeName={store.name}
        storeUrl={store.url}
        noticeText={customerNoticeText(store.name)}
      />
      <NoticeScreenshot model={props.model} />
    </Section>
  );
}
