import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Check } from '@/utils/shared/wire';
import { errorMessage, isKorean } from '@/components/ui/localized';
import { foldChecks, type BlockReason } from './model';
import { runFix, type FixAction } from './actions';

const ACTION_LABEL: Record<string, () => string> = {
  'sign-in': () => i18n.t('compose.actionSignIn'),
  'grant-consent': () => i18n.t('compose.actionConsent'),
  link: () => i18n.t('compose.actionLink'),
  relink: () => i18n.t('compose.actionRelink'),
};

/**
 * Eligibility before Send: the checks that passed fold into one line ("✓ 확인 9개"); each failing one reads as
 * the problem, its cause, and its one action. Checks a window banner already says are left out.
 */
export function SendChecks(props: { checks: Check[]; block?: BlockReason; onChanged: () => void; onLink: () => void }) {
  const ko = isKorean();
  const { passed, problems } = foldChecks(props.checks, props.block);
  const [error, setError] = useState('');
  const repeat = props.checks.find((c) => c.check === 'not-sent-before' && !c.ok);
  async function act(action: string) {
    if (action === 'link') return props.onLink();
    try {
      await runFix(action as FixAction);
      props.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <div class="cp-checks" data-testid="eligibility">
      {problems.length > 0 && (
        <ul class="cp-problems">
          {problems.map((c) => (
            <li key={c.check} data-check={c.check} data-ok="false" class={c.severity === 'warn' ? 'cp-warn' : 'cp-bad'}>
              <strong>{ko ? c.ko : c.en}</strong>
              <div class="cp-fix">
                {(ko ? c.fixKo : c.fixEn)?.split('\n').map((line) => (
                  <p key={line}>{line}</p>
                ))}
                {c.action && ACTION_LABEL[c.action] && (
                  <button type="button" class="ot-secondary" onClick={() => act(c.action!)}>
                    {ACTION_LABEL[c.action]!()}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {/* Kept for the card's repeat choice and its data; said by the card's state, not as a problem. */}
      {repeat && <span hidden data-check={repeat.check} data-ok="false" />}
      {passed.length > 0 && (
        <details class="cp-passed">
          <summary class="cp-ok" data-testid="checks-passed">
            {i18n.t('compose.checksPassed', { count: passed.length })}
          </summary>
          <ul>
            {passed.map((c) => (
              <li key={c.check} data-check={c.check} data-ok="true">
                {ko ? c.ko : c.en}
              </li>
            ))}
          </ul>
        </details>
      )}
      {error && (
        <p class="ot-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
