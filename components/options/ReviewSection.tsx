import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { reviewItems, type ReviewItem, type ReviewItemId } from '@/utils/shared/onboarding/review-checklist';
import { applicationPurpose, applicationScenario } from '@/utils/shared/onboarding/application-text';
import type { WizardPage } from '@/utils/shared/setup-step';
import { Section } from '@/components/ui/Section';
import { CopyField } from '@/components/options/common/CopyField';
import type { OptionsModel } from '@/components/options/common/useOptionsState';
import { formatWhen } from '@/components/options/common/dates';

const TEXT: Record<ReviewItemId, { title: () => string; how: () => string }> = {
  'biz-app': { title: () => i18n.t('options.review.bizApp'), how: () => i18n.t('options.review.bizAppHow') },
  'app-identity': {
    title: () => i18n.t('options.review.appIdentity'),
    how: () => i18n.t('options.review.appIdentityHow'),
  },
  'kakao-login': {
    title: () => i18n.t('options.review.kakaoLogin'),
    how: () => i18n.t('options.review.kakaoLoginHow'),
  },
  'link-domain': {
    title: () => i18n.t('options.review.linkDomain'),
    how: () => i18n.t('options.review.linkDomainHow'),
  },
  'opt-in-page': { title: () => i18n.t('options.review.optInPage'), how: () => i18n.t('options.review.optInPageHow') },
  'team-member': {
    title: () => i18n.t('options.review.teamMember'),
    how: () => i18n.t('options.review.teamMemberHow'),
  },
  notice: { title: () => i18n.t('options.review.notice'), how: () => i18n.t('options.review.noticeHow') },
};

function Item(props: { item: ReviewItem; model: OptionsModel; onGoTo: (page: WizardPage) => void }) {
  const { item } = props;
  const t = TEXT[item.id];
  const titleId = `review-${item.id}-t`;
  const state = item.done ? i18n.t('options.review.stateDone') : i18n.t('options.review.stateTodo');
  const src = item.source;
  return (
    <li data-testid={`review-item-${item.id}`} data-done={String(item.done)}>
      {/* Ticks show their state in the checkbox itself. */}
      <span class="ot-mark" data-ok={String(item.done)} aria-hidden="true">
        {src.kind === 'tick' ? '' : item.done ? '✓' : '○'}
      </span>
      <div style={{ flex: 1 }}>
        {src.kind === 'tick' ? (
          <label class="ot-check" style={{ margin: 0 }}>
            <input
              type="checkbox"
              data-testid={`review-tick-${item.id}`}
              checked={item.done}
              onChange={(e) => void props.model.setTick(src.tick, e.currentTarget.checked)}
            />
            <strong id={titleId}>{t.title()}</strong>
          </label>
        ) : (
          <strong id={titleId}>
            {t.title()} <span class="ot-visually-hidden">({state})</span>
          </strong>
        )}
        <div class="ot-muted">{t.how()}</div>
        {item.at !== undefined && (
          <div class="ot-ok">{i18n.t('options.review.doneAt', { when: formatWhen(item.at) })}</div>
        )}
        {src.kind === 'progress' && !item.done && (
          <button
            type="button"
            class="ot-link"
            data-testid={`review-goto-${item.id}`}
            aria-describedby={titleId}
            onClick={() => props.onGoTo(src.page)}
          >
            {i18n.t('options.review.goTo')}
          </button>
        )}
      </div>
    </li>
  );
}

/** Step 5: Kakao's review checklist, each item with its state, and ready text for the application form. */
export function ReviewSection(props: {
  model: OptionsModel;
  onGoTo: (page: WizardPage) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { model } = props;
  const items = reviewItems({
    auth: model.auth,
    settings: model.settingsLoaded ? model.settings : undefined,
    reviewProgress: model.reviewProgress,
    ticks: model.ticks,
  });
  const done = items.filter((i) => i.done).length;
  const store = model.settings.store;
  return (
    <Section
      name="review"
      title={i18n.t('options.review.title')}
      intro={i18n.t('options.review.intro')}
      headingRef={props.headingRef}
    >
      <p data-testid="review-progress" aria-live="polite">
        {i18n.t('options.review.progress', { done, total: items.length })}
      </p>
      <ul class="ot-review">
        {items.map((item) => (
          <Item key={item.id} item={item} model={model} onGoTo={props.onGoTo} />
        ))}
      </ul>
      <h3>{i18n.t('options.review.formTitle')}</h3>
      <p class="ot-muted">{i18n.t('options.review.formHelp')}</p>
      <CopyField
        id="review-purpose"
        multiline
        label={i18n.t('options.review.purpose')}
        testId="review-purpose"
        value={applicationPurpose({ storeName: store.name, storeUrl: store.url })}
      />
      <CopyField
        id="review-scenario"
        multiline
        label={i18n.t('options.review.scenario')}
        testId="review-scenario"
        value={applicationScenario({ storeName: store.name, storeUrl: store.url })}
      />
      <p class="ot-warn">{i18n.t('options.review.policyNote')}</p>
    </Section>
  );
}
