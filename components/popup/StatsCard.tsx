import { i18n } from '#i18n';
import type { Quota } from '@/utils/shared/wire';
import { seoulDay } from '@/utils/shared/seoul-day';
import type { ErrorView } from '@/components/ui/localized';

/** Today's numbers; a quota cached on an earlier Korean day has reset since. */
export function sentAndLeftToday(quota: Quota, now = Date.now()): { used: number; left: number; limit: number } {
  if (quota.day !== seoulDay(now)) return { used: 0, left: quota.senderLimit, limit: quota.senderLimit };
  return { used: Math.max(0, quota.senderLimit - quota.senderLeft), left: quota.senderLeft, limit: quota.senderLimit };
}

export function StatsCard(props: {
  friendsCount?: number;
  friendsAllowed: boolean;
  quota?: Quota;
  error?: ErrorView;
  refreshing: boolean;
  onRefreshFriends: () => void;
}) {
  const q = props.quota ? sentAndLeftToday(props.quota) : undefined;
  return (
    <section class="ot-card ot-stack" aria-label={i18n.t('popup.statsLabel')}>
      <div class="ot-row">
        <span>
          {i18n.t('popup.friends')} <strong data-testid="friends-count">{props.friendsCount ?? '–'}</strong>
        </span>
        {props.friendsAllowed && (
          <button
            class="ot-link"
            data-testid="friends-refresh"
            disabled={props.refreshing}
            onClick={props.onRefreshFriends}
          >
            {i18n.t('popup.refreshFriends')}
          </button>
        )}
      </div>
      <div class="ot-row">
        <span>{i18n.t('popup.quotaToday')}</span>
        <span>
          {q ? (
            <>
              <span data-testid="quota-used">{i18n.t('popup.quotaUsed', { used: q.used })}</span>
              {' · '}
              <strong data-testid="quota-left">{i18n.t('popup.quotaLeft', { left: q.left, limit: q.limit })}</strong>
            </>
          ) : (
            <strong data-testid="quota-left">–</strong>
          )}
        </span>
      </div>
      {props.error && (
        <p class="ot-error" role="alert">
          {props.error.fix ? `${props.error.text} ${props.error.fix}` : props.error.text}
        </p>
      )}
    </section>
  );
}
