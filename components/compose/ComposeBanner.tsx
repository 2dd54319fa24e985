import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { errorMessage } from '@/components/ui/localized';
import type { BlockReason } from './model';
import { runFix, type FixAction } from './actions';

const BANNERS: Record<BlockReason, { text: () => string; action: FixAction; label: () => string }> = {
  'not-configured': {
    text: () => i18n.t('compose.bannerNotConfigured'),
    action: 'open-settings',
    label: () => i18n.t('compose.actionSettings'),
  },
  'signed-out': {
    text: () => i18n.t('compose.bannerSignedOut'),
    action: 'sign-in',
    label: () => i18n.t('compose.actionSignIn'),
  },
  consent: {
    text: () => i18n.t('compose.bannerConsent'),
    action: 'grant-consent',
    label: () => i18n.t('compose.actionConsent'),
  },
  'store-setup': {
    text: () => i18n.t('compose.bannerStoreSetup'),
    action: 'open-settings',
    label: () => i18n.t('compose.actionSettings'),
  },
};

/** What blocks the whole window, said once, with the one thing to do about it. */
export function ComposeBanner(props: { reason: BlockReason; onFixed: () => void }) {
  const b = BANNERS[props.reason];
  const [error, setError] = useState('');
  return (
    <div class="cp-banner" role="alert" data-testid="compose-banner" data-reason={props.reason}>
      <p>{b.text()}</p>
      <button
        type="button"
        class="ot-primary"
        data-testid="banner-action"
        onClick={async () => {
          setError('');
          try {
            await runFix(b.action);
            props.onFixed();
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
      >
        {b.label()}
      </button>
      {error && <p class="ot-error">{error}</p>}
    </div>
  );
}
