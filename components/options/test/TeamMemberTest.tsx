import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { Friend } from '@/utils/shared/wire';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { formatWhen } from '@/components/options/common/dates';
import { NewFriends } from '@/components/popup/NewFriends';
import { TeamMemberWait } from './TeamMemberWait';

/**
 * Kakao's "팀멤버로 친구 목록 및 메시지 전송 API 테스트": the team member must show up in the friends list
 * (friends API), then receive a message sent from an order's "카톡 알림" (message API). Only the operator
 * can know it arrived, so they confirm it here.
 */
export function TeamMemberTest(props: { model: OptionsModel }) {
  const { model } = props;
  const [friends, setFriends] = useState<Friend[]>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  /** Bumped after each friends refresh here, so the new-friends list is read again. */
  const [refreshed, setRefreshed] = useState(0);
  const auth = model.auth;
  const canList = !!auth?.signedIn && !auth.missingScopes.includes('friends');

  async function load() {
    setBusy(true);
    setStatus(undefined);
    try {
      const list = await callBackground('friends.list', { refresh: true });
      setFriends(list.friends);
      setRefreshed((n) => n + 1);
      setStatus({ tone: 'ok', text: i18n.t('options.test.friendsLoaded', { count: list.totalCount }) });
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      model.setReviewProgress(await callBackground('review.mark', { step: 'teamMemberAt' }));
      setStatus({ tone: 'ok', text: i18n.t('options.test.teamRecorded') });
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const passedAt = model.reviewProgress.teamMemberAt;
  return (
    <div>
      <h3>{i18n.t('options.test.teamTitle')}</h3>
      <ol class="ot-list">
        <li>{i18n.t('options.test.teamStep1')}</li>
        <li>{i18n.t('options.test.teamStep2')}</li>
        <li>{i18n.t('options.test.teamStep3')}</li>
        <li>{i18n.t('options.test.teamStep4')}</li>
      </ol>
      {!canList && <p class="ot-warn">{i18n.t('options.test.needFriendsConsent')}</p>}
      <button
        type="button"
        class="ot-secondary"
        data-testid="friends-load"
        disabled={busy || !canList}
        onClick={() => void load()}
      >
        {i18n.t('options.test.loadFriends')}
      </button>
      {friends &&
        (friends.length ? (
          <ul class="ot-list" data-testid="friends-list" aria-label={i18n.t('options.test.friendsListLabel')}>
            {friends.map((f) => (
              <li key={f.uuid}>
                {f.nickname}
                {f.allowedMsg === false && <span class="ot-warn"> · {i18n.t('options.test.friendRefuses')}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p class="ot-warn" data-testid="friends-empty">
            {i18n.t('options.test.friendsEmpty')}
          </p>
        ))}
      {canList && <NewFriends version={refreshed} />}
      <TeamMemberWait model={model} onFriends={() => setRefreshed((n) => n + 1)} />
      <p>
        <button
          type="button"
          class="ot-primary"
          data-testid="team-member-confirm"
          disabled={busy || !canList}
          onClick={() => void confirm()}
        >
          {i18n.t('options.test.teamConfirm')}
        </button>
      </p>
      {passedAt !== undefined && (
        <p class="ot-ok" data-testid="team-member-passed">
          ✓ {i18n.t('options.test.passed', { when: formatWhen(passedAt) })}
        </p>
      )}
      <StatusMessage status={status} testId="team-member-status" />
    </div>
  );
}
