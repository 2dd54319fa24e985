import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';

export const TEAM_WAIT_INTERVAL_MS = 3000;

type State = 'idle' | 'waiting' | 'passed';

/**
 * "팀원에게 안내 페이지를 열어 달라고 하세요": the friends list is read now (who is there already) and again every
 * few seconds; the first friend who was not there is a team member who just completed the opt-in (before
 * Kakao approves the app only team members appear at all), and the team-member step is recorded as passed.
 */
export function TeamMemberWait(props: { model: OptionsModel; intervalMs?: number; onFriends?: () => void }) {
  const { model } = props;
  const interval = props.intervalMs ?? TEAM_WAIT_INTERVAL_MS;
  const [state, setState] = useState<State>('idle');
  const [status, setStatus] = useState<Status>();
  const baseline = useRef<Set<string> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
      clearTimeout(timer.current);
    },
    [],
  );

  async function tick() {
    try {
      const list = await callBackground('friends.list', { refresh: true });
      props.onFriends?.();
      if (!alive.current || !baseline.current) return;
      const appeared = list.friends.find((f) => !baseline.current!.has(f.uuid));
      if (appeared) {
        baseline.current = null;
        model.setReviewProgress(await callBackground('review.mark', { step: 'teamMemberAt' }));
        setState('passed');
        setStatus({ tone: 'ok', text: i18n.t('optin.teamWaitFound', { name: appeared.nickname }) });
        return;
      }
    } catch (err) {
      // A failed refresh is shown; waiting goes on (the next one may work).
      setStatus({ tone: 'error', ...optionsError(err) });
    }
    if (alive.current && baseline.current) timer.current = setTimeout(() => void tick(), interval);
  }

  async function start() {
    setStatus(undefined);
    try {
      const list = await callBackground('friends.list', { refresh: true });
      props.onFriends?.();
      baseline.current = new Set(list.friends.map((f) => f.uuid));
      setState('waiting');
      timer.current = setTimeout(() => void tick(), interval);
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    }
  }

  function stop() {
    clearTimeout(timer.current);
    baseline.current = null;
    setState('idle');
  }

  const canList = !!model.auth?.signedIn && !model.auth.missingScopes.includes('friends');
  return (
    <div data-testid="team-member-wait" data-state={state}>
      <h4>{i18n.t('optin.teamWaitTitle')}</h4>
      <p class="ot-muted">{i18n.t('optin.teamWaitHelp')}</p>
      {state === 'waiting' ? (
        <p>
          <span role="status" aria-live="polite">
            {i18n.t('optin.teamWaitWaiting', { seconds: Math.round(interval / 1000) })}
          </span>{' '}
          <button type="button" class="ot-link" data-testid="team-member-wait-stop" onClick={stop}>
            {i18n.t('optin.teamWaitStop')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          class="ot-secondary"
          data-testid="team-member-wait-start"
          disabled={!canList}
          onClick={() => void start()}
        >
          {i18n.t('optin.teamWaitStart')}
        </button>
      )}
      <StatusMessage status={status} testId="team-member-wait-status" />
    </div>
  );
}
