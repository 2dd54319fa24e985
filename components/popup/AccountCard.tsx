import { i18n } from '#i18n';
import { Chip } from '@/components/ui/Chip';
import type { CachedAuth } from '@/utils/shared/popup-protocol';
import { missingConsents } from './usePopupState';
import type { KakaoScope } from '@/utils/shared/kakao-scopes';

/** Who is signed in, which consents are granted, and the one action that moves them forward. */
export function AccountCard(props: {
  auth: CachedAuth;
  busy: boolean;
  onSignIn: () => void;
  onGrant: (scopes: KakaoScope[]) => void;
}) {
  const { auth } = props;
  if (!auth.configured) return null;
  if (!auth.signedIn) {
    return (
      <section class="ot-card" aria-label={i18n.t('popup.accountLabel')}>
        <p>{i18n.t('popup.signedOut')}</p>
        <button
          class="ot-primary"
          data-testid="signin"
          disabled={props.busy}
          aria-busy={props.busy}
          onClick={props.onSignIn}
        >
          {i18n.t('popup.signIn')}
        </button>
      </section>
    );
  }
  const missing = missingConsents(auth);
  const ok = (s: KakaoScope) => !missing.includes(s);
  const state = (s: KakaoScope) => (ok(s) ? i18n.t('popup.consentGranted') : i18n.t('popup.consentMissing'));
  return (
    <section class="ot-card" aria-label={i18n.t('popup.accountLabel')}>
      <div class="ot-row">
        <span style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
          {auth.pictureUrl && <img class="ot-avatar" src={auth.pictureUrl} width={28} height={28} alt="" />}
          <strong data-testid="signed-in-nickname">{auth.nickname ?? ''}</strong>
        </span>
        <span class="ot-muted">{i18n.t('popup.signedIn')}</span>
      </div>
      <div class="ot-row" style={{ marginTop: '8px' }}>
        <span role="group" aria-label={i18n.t('popup.consents')} style={{ display: 'flex', gap: '6px' }}>
          <Chip
            ok={ok('friends')}
            label={i18n.t('popup.consentFriends')}
            stateLabel={state('friends')}
            testId="consent-friends"
          />
          <Chip
            ok={ok('talk_message')}
            label={i18n.t('popup.consentTalk')}
            stateLabel={state('talk_message')}
            testId="consent-talk"
          />
        </span>
        {missing.length > 0 && (
          <button
            class="ot-primary"
            data-testid="consent-grant"
            disabled={props.busy}
            aria-busy={props.busy}
            onClick={() => props.onGrant(missing)}
          >
            {i18n.t('popup.grant')}
          </button>
        )}
      </div>
    </section>
  );
}
