import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { buildOptInPage } from '@/utils/shared/onboarding/opt-in-page';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { formatWhen } from '@/components/options/common/dates';

/**
 * Kakao asks for a screenshot of the screen telling customers how messages are sent. This shows exactly
 * what customers see on the opt-in page (scripts left out, sandboxed) and records that it was prepared.
 */
export function NoticeScreenshot(props: { model: OptionsModel }) {
  const { model } = props;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>();
  const store = model.settings.store;

  async function show() {
    setOpen(true);
    try {
      model.setReviewProgress(await callBackground('review.mark', { step: 'noticeViewedAt' }));
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    }
  }

  const viewedAt = model.reviewProgress.noticeViewedAt;
  return (
    <div>
      <h3>{i18n.t('options.notice.shotTitle')}</h3>
      <p class="ot-muted">{i18n.t('options.notice.shotHelp')}</p>
      {open ? (
        <button type="button" class="ot-secondary" data-testid="notice-screenshot-close" onClick={() => setOpen(false)}>
          {i18n.t('options.notice.shotClose')}
        </button>
      ) : (
        <button type="button" class="ot-primary" data-testid="notice-screenshot" onClick={() => void show()}>
          {i18n.t('options.notice.shotOpen')}
        </button>
      )}
      {open && (
        <iframe
          class="ot-shot"
          data-testid="notice-screenshot-view"
          title={i18n.t('options.notice.shotFrameTitle')}
          sandbox=""
          srcdoc={buildOptInPage({ storeName: store.name, storeUrl: store.url, preview: true })}
        />
      )}
      {viewedAt !== undefined && (
        <p class="ot-ok" data-testid="notice-viewed">
          ✓ {i18n.t('options.notice.shotDone', { when: formatWhen(viewedAt) })}
        </p>
      )}
      <StatusMessage status={status} testId="notice-status" />
    </div>
  );
}
