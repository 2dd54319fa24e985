import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { formatWhen } from '@/components/options/common/dates';

/** A test message to the operator's own KakaoTalk ("나와의 채팅"): needs sign-in and talk_message only. */
export function SendToMeTest(props: { model: OptionsModel }) {
  const { model } = props;
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const auth = model.auth;
  const blocked = !auth?.signedIn
    ? i18n.t('options.test.needSignIn')
    : auth.missingScopes.includes('talk_message')
      ? i18n.t('options.test.needTalkConsent')
      : undefined;

  async function send() {
    setBusy(true);
    setStatus({ tone: 'info', text: i18n.t('options.test.sending') });
    try {
      await callBackground('send.toMe', {});
      setStatus({ tone: 'ok', text: i18n.t('options.test.sentToMe') });
      // The background records the pass; read it back rather than guess the time.
      model.setReviewProgress(await callBackground('review.get', {}));
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const passedAt = model.reviewProgress.sendToMeAt;
  return (
    <div>
      <h3>{i18n.t('options.test.toMeTitle')}</h3>
      <p class="ot-muted">{i18n.t('options.test.toMeHelp')}</p>
      {blocked && <p class="ot-warn">{blocked}</p>}
      <button
        type="button"
        class="ot-primary"
        data-testid="send-to-me"
        disabled={busy || !!blocked}
        aria-busy={busy}
        onClick={() => void send()}
      >
        {i18n.t('options.test.sendToMe')}
      </button>
      {passedAt !== undefined && (
        <p class="ot-ok" data-testid="send-to-me-passed">
          ✓ {i18n.t('options.test.passed', { when: formatWhen(passedAt) })}
        </p>
      )}
      <StatusMessage status={status} testId="send-to-me-status" />
    </div>
  );
}
