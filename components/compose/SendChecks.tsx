import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Check } from '@/utils/shared/wire';
import { callBackground } from '@/utils/pages/background-client';
import { isKorean } from '@/components/ui/localized';

/** Eligibility before Send: each failing item with its fix and, where one exists, the action. */
export function SendChecks(props: { checks: Check[]; onChanged: () => void; onLink: () => void }) {
  const ko = isKorean();
  async function act(action?: string) {
    if (action === 'sign-in') await browser.runtime.openOptionsPage();
    else if (action === 'grant-consent') {
      await callBackground('auth.requestConsent', { scopes: ['friends', 'talk_message'] }).catch(() => undefined);
      props.onChanged();
    } else if (action === 'link' || action === 'relink') props.onLink();
  }
  return (
    <ul class="cp-checks" data-testid="eligibility">
      {props.checks.map((c) => (
        <li
          key={c.check}
          data-check={c.check}
          data-ok={String(c.ok)}
          class={c.ok ? 'cp-ok' : c.severity === 'warn' ? 'cp-warn' : 'cp-bad'}
        >
          <span aria-hidden="true">{c.ok ? '✓' : c.severity === 'warn' ? '!' : '✕'}</span> {ko ? c.ko : c.en}
          {!c.ok && (
            <div class="cp-fix">
              {ko ? c.fixKo : c.fixEn}
              {c.action && c.action !== 'retry' && (
                <button type="button" class="ot-link" onClick={() => act(c.action)}>
                  {i18n.t('compose.fix')}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
