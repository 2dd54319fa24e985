import type { Ref } from 'preact';
import { i18n } from '#i18n';
import type { WizardPage } from '@/utils/shared/setup-step';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { KakaoSection } from './KakaoSection';
import { StoreSection } from './StoreSection';
import { TestSection } from './TestSection';
import { NoticeSection } from './NoticeSection';
import { ReviewSection } from './ReviewSection';

export function pageTitle(page: WizardPage): string {
  switch (page) {
    case 'kakao':
      return i18n.t('options.kakao.title');
    case 'store':
      return i18n.t('options.store.title');
    case 'test':
      return i18n.t('options.test.title');
    case 'notice':
      return i18n.t('options.notice.title');
    case 'review':
      return i18n.t('options.review.title');
  }
}

/** One wizard page = one options section (the same component in both views). */
export function PageSection(props: {
  page: WizardPage;
  model: OptionsModel;
  onGoTo: (page: WizardPage) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { page, model, headingRef } = props;
  switch (page) {
    case 'kakao':
      return <KakaoSection model={model} headingRef={headingRef} />;
    case 'store':
      return <StoreSection model={model} headingRef={headingRef} />;
    case 'test':
      return <TestSection model={model} headingRef={headingRef} />;
    case 'notice':
      return <NoticeSection model={model} headingRef={headingRef} />;
    case 'review':
      return <ReviewSection model={model} onGoTo={props.onGoTo} headingRef={headingRef} />;
  }
}
