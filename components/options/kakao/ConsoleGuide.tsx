import { i18n } from '#i18n';
import { hostOf } from '@/utils/shared/onboarding/store-checks';

// Consent item IDs with the names Kakao's console shows for them.
const CONSENT_ITEMS = [
  { id: 'profile_nickname', name: 'options.kakao.consentNickname', how: 'options.kakao.consentRequired' },
  { id: 'friends', name: 'options.kakao.consentFriends', how: 'options.kakao.consentDuringUse' },
  { id: 'talk_message', name: 'options.kakao.consentTalk', how: 'options.kakao.consentDuringUse' },
] as const;

/** What to switch on in Kakao Developers besides the key: Kakao Login, consent items, link domain, members. */
export function ConsoleGuide(props: { storeUrl: string }) {
  const host = hostOf(props.storeUrl);
  return (
    <div>
      <h3>{i18n.t('options.kakao.consoleTitle')}</h3>
      <ol class="ot-list">
        <li>{i18n.t('options.kakao.loginOn')}</li>
        <li>
          {i18n.t('options.kakao.consentTitle')}
          <table style={{ borderCollapse: 'collapse', margin: '6px 0' }}>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'left', paddingRight: '12px' }}>
                  {i18n.t('options.kakao.consentColName')}
                </th>
                <th scope="col" style={{ textAlign: 'left', paddingRight: '12px' }}>
                  ID
                </th>
                <th scope="col" style={{ textAlign: 'left' }}>
                  {i18n.t('options.kakao.consentColHow')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CONSENT_ITEMS.map((c) => (
                <tr key={c.id} data-testid={`consent-item-${c.id}`}>
                  <td style={{ paddingRight: '12px' }}>{i18n.t(c.name)}</td>
                  <td style={{ paddingRight: '12px' }}>
                    <code>{c.id}</code>
                  </td>
                  <td>{i18n.t(c.how)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
        <li data-testid="link-domain-guide">
          {i18n.t('options.kakao.linkDomain')}{' '}
          {host ? <code>{host}</code> : <span class="ot-muted">{i18n.t('options.kakao.linkDomainLater')}</span>}
        </li>
        <li>{i18n.t('options.kakao.members')}</li>
      </ol>
    </div>
  );
}
