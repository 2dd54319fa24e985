import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { nextSetupStep, wizardPageFor, type WizardPage } from '@/utils/shared/setup-step';
import { useOptionsState, type OptionsModel } from '@/components/options/common/useOptionsState';
import { getViewPreference, setViewPreference, type OptionsView } from './view-preference';
import { Wizard } from './Wizard';
import { Sections } from './Sections';
import '@/components/ui/ui.css';

function setupStep(model: OptionsModel) {
  return nextSetupStep({
    auth: model.auth,
    settings: model.settingsLoaded ? model.settings : undefined,
    reviewProgress: model.reviewProgressLoaded ? model.reviewProgress : undefined,
  });
}

function ViewToggle(props: { view: OptionsView; onView: (v: OptionsView) => void }) {
  return (
    <div class="ot-toggle" role="group" aria-label={i18n.t('options.view.label')}>
      <button
        type="button"
        data-testid="view-wizard"
        aria-pressed={props.view === 'wizard'}
        onClick={() => props.onView('wizard')}
      >
        {i18n.t('options.view.wizard')}
      </button>
      <button
        type="button"
        data-testid="view-sections"
        aria-pressed={props.view === 'sections'}
        onClick={() => props.onView('sections')}
      >
        {i18n.t('options.view.sections')}
      </button>
    </div>
  );
}

export function OptionsApp(props: { loadTimeoutMs?: number } = {}) {
  const model = useOptionsState(props.loadTimeoutMs);
  const [view, setView] = useState<OptionsView>();
  const [page, setPage] = useState<WizardPage>('kakao');

  // Decide once, when the first load settles: the wizard while setup is incomplete, opened where it stopped.
  useEffect(() => {
    if (model.loading || view) return;
    const step = setupStep(model);
    setPage(wizardPageFor(step));
    void getViewPreference().then((saved) => setView(saved ?? (step === 'done' ? 'sections' : 'wizard')));
  }, [model.loading]);

  const choose = (v: OptionsView) => {
    setView(v);
    void setViewPreference(v);
  };
  const step = setupStep(model);

  return (
    <main style={{ maxWidth: '780px', margin: '0 auto', padding: '24px' }}>
      <header class="ot-row">
        <h1 data-testid="options-title">{i18n.t('options.title')}</h1>
        {view && <ViewToggle view={view} onView={choose} />}
      </header>
      <p>{i18n.t('options.intro')}</p>
      {model.loadErrors.length > 0 && (
        <div class="ot-card" role="alert" data-testid="options-load-error">
          {model.loadErrors.map((e) => (
            <p key={e.text} class="ot-error">
              {e.fix ? `${e.text} ${e.fix}` : e.text}
            </p>
          ))}
          <button type="button" class="ot-secondary" data-testid="options-retry" onClick={() => void model.reload()}>
            {i18n.t('options.retry')}
          </button>
        </div>
      )}
      {step === 'done' && (
        <p class="ot-ok" data-testid="setup-done">
          {i18n.t('options.setupDone')}
        </p>
      )}
      {!view ? (
        <p aria-busy="true">{i18n.t('options.loading')}</p>
      ) : view === 'wizard' ? (
        <Wizard model={model} page={page} onPage={setPage} onFinish={() => choose('sections')} />
      ) : (
        <Sections model={model} />
      )}
    </main>
  );
}
