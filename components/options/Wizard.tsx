import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { WIZARD_PAGES, type WizardPage } from '@/utils/shared/setup-step';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { PageSection, pageTitle } from './pages';

/** Step-by-step setup: a stepper, one section at a time, previous/next. Nothing blocks moving on. */
export function Wizard(props: {
  model: OptionsModel;
  page: WizardPage;
  onPage: (page: WizardPage) => void;
  onFinish: () => void;
}) {
  const index = WIZARD_PAGES.indexOf(props.page);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // After a page change, put focus on the new page's heading so keyboard and screen-reader users land there.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [props.page]);
  const go = (page: WizardPage) => {
    moved.current = true;
    props.onPage(page);
  };
  const last = index === WIZARD_PAGES.length - 1;
  const prev = WIZARD_PAGES[index - 1];
  const next = WIZARD_PAGES[index + 1];

  return (
    <div data-testid="wizard">
      <nav aria-label={i18n.t('options.wizard.stepsLabel')}>
        <ol class="ot-steps">
          {WIZARD_PAGES.map((p, i) => (
            <li key={p}>
              <button
                type="button"
                data-testid={`wizard-step-${p}`}
                aria-current={p === props.page ? 'step' : undefined}
                onClick={() => go(p)}
              >
                {pageTitle(p)}
                <span class="ot-visually-hidden">{` (${i + 1}/${WIZARD_PAGES.length})`}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <PageSection page={props.page} model={props.model} onGoTo={go} headingRef={heading} />
      <div class="ot-row">
        <button
          type="button"
          class="ot-secondary"
          data-testid="wizard-prev"
          disabled={!prev}
          onClick={() => prev && go(prev)}
        >
          {i18n.t('options.wizard.prev')}
        </button>
        <span class="ot-muted">
          {i18n.t('options.wizard.position', { current: index + 1, total: WIZARD_PAGES.length })}
        </span>
        <button
          type="button"
          class="ot-primary"
          data-testid="wizard-next"
          onClick={() => (last || !next ? props.onFinish() : go(next))}
        >
          {last ? i18n.t('options.wizard.finish') : i18n.t('options.wizard.next')}
        </button>
      </div>
    </div>
  );
}
