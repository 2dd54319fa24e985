import { i18n } from '#i18n';
import type { SendStatus } from '@/utils/shared/wire';
import { isKorean, type ErrorView } from '@/components/ui/localized';
import type { RecentSend } from '@/utils/shared/popup-protocol';
import { statusText } from '@/components/ui/labels';

const STATUS_CLASS: Record<SendStatus, string> = {
  sent: 'ot-ok',
  failed: 'ot-error',
  unknown: 'ot-warn',
  pending: 'ot-muted',
  skipped: 'ot-muted',
};

function when(ms: number): string {
  return new Intl.DateTimeFormat(isKorean() ? 'ko-KR' : undefined, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/** The last five sends, newest first, with their outcome. */
export function RecentSends(props: { recent?: RecentSend[]; error?: ErrorView }) {
  return (
    <section aria-labelledby="recent-h">
      <h2 id="recent-h" style={{ fontSize: '13px', margin: '14px 0 6px' }}>
        {i18n.t('popup.recent')}
      </h2>
      {props.recent?.length ? (
        <ul class="ot-list" data-testid="recent-sends" style={{ paddingLeft: '16px' }}>
          {props.recent.map((r) => (
            <li key={r.id} data-status={r.status}>
              <strong>{r.recipientNickname}</strong> · {r.templateName} ·{' '}
              <span class={STATUS_CLASS[r.status]}>{statusText(r.status)}</span>{' '}
              <span class="ot-muted">{when(r.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : props.error ? (
        <p class="ot-muted">{i18n.t('popup.recentUnavailable')}</p>
      ) : (
        <p class="ot-muted">{props.recent ? i18n.t('popup.noRecent') : i18n.t('popup.loading')}</p>
      )}
    </section>
  );
}
