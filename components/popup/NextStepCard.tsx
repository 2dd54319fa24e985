import { i18n } from '#i18n';
import type { NextSetupStep } from '@/utils/shared/setup-step';

export function nextStepText(step: NextSetupStep): string | undefined {
  switch (step) {
    case 'rest-key':
      return i18n.t('popup.next.restKey');
    case 'sign-in':
      return i18n.t('popup.next.signIn');
    case 'consent':
      return i18n.t('popup.next.consent');
    case 'store':
      return i18n.t('popup.next.store');
    case 'send-to-me':
      return i18n.t('popup.next.sendToMe');
    case 'team-member':
      return i18n.t('popup.next.teamMember');
    case 'notice':
      return i18n.t('popup.next.notice');
    case 'done':
    case 'unknown':
      return undefined;
  }
}

/** While setup is incomplete: the one next thing to do, with a way to get there. */
export function NextStepCard(props: { step: NextSetupStep; onOpenOptions: () => void }) {
  const text = nextStepText(props.step);
  if (!text) return null;
  // Sign-in and consent have their own buttons in the popup; the rest happen in the options page.
  const inOptions = props.step !== 'sign-in' && props.step !== 'consent';
  return (
    <section class="ot-card" data-testid="setup-next" data-step={props.step} aria-labelledby="next-h">
      <h2 id="next-h" style={{ fontSize: '13px', margin: '0 0 4px' }}>
        {i18n.t('popup.nextStep')}
      </h2>
      <p style={{ margin: '0 0 8px' }}>{text}</p>
      {inOptions && (
        <button class="ot-secondary" data-testid="setup-next-open" onClick={props.onOpenOptions}>
          {i18n.t('popup.continueSetup')}
        </button>
      )}
    </section>
  );
}
