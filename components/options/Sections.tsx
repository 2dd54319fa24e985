import { useRef } from 'preact/hooks';
import type { WizardPage } from '@/utils/shared/setup-step';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { KakaoSection } from './KakaoSection';
import { StoreSection } from './StoreSection';
import { TemplatesSection } from './TemplatesSection';
import { CustomAdminSection } from './CustomAdminSection';
import { TestSection } from './TestSection';
import { NoticeSection } from './NoticeSection';
import { ReviewSection } from './ReviewSection';
import { DataSection } from './DataSection';
import { AlimtalkSection } from './AlimtalkSection';

/** Every section on one page, for operators who are set up (or prefer it). */
export function Sections(props: { model: OptionsModel }) {
  const refs = {
    kakao: useRef<HTMLHeadingElement>(null),
    store: useRef<HTMLHeadingElement>(null),
    test: useRef<HTMLHeadingElement>(null),
    notice: useRef<HTMLHeadingElement>(null),
    review: useRef<HTMLHeadingElement>(null),
  };
  // "Go to" from the review checklist: scroll to that section and focus its heading.
  const goTo = (page: WizardPage) => {
    const h = refs[page].current;
    h?.scrollIntoView?.({ block: 'start' });
    h?.focus();
  };
  const { model } = props;
  return (
    <div data-testid="sections">
      <KakaoSection model={model} headingRef={refs.kakao} />
      <StoreSection model={model} headingRef={refs.store} />
      <TemplatesSection />
      <AlimtalkSection model={model} />
      <CustomAdminSection settings={model.settings} saveSettings={model.saveSettings} />
      <TestSection model={model} headingRef={refs.test} />
      <NoticeSection model={model} headingRef={refs.notice} />
      <ReviewSection model={model} onGoTo={goTo} headingRef={refs.review} />
      <DataSection model={model} />
    </div>
  );
}
