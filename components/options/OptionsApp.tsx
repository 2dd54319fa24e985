import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/messaging/client';
import type { AuthState } from '@/utils/messaging/wire';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/schema';
import { errorMessage } from '@/components/ui/localized';
import { KakaoSection } from './KakaoSection';
import { StoreSection } from './StoreSection';
import { TestSection } from './TestSection';
import { NoticeSection } from './NoticeSection';
import '@/components/ui/ui.css';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [auth, setAuth] = useState<AuthState>();
  const [error, setError] = useState('');
  useEffect(() => {
    void (async () => {
      try {
        setSettings(await callBackground('settings.get', {}));
        setAuth(await callBackground('auth.state', {}));
      } catch (e) {
        setError(errorMessage(e));
      }
    })();
  }, []);

  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '24px' }}>
      <h1 data-testid="options-title">{i18n.t('options.title')}</h1>
      <p>{i18n.t('options.intro')}</p>
      {error && <p class="ot-error" role="alert">{error}</p>}
      <KakaoSection settings={settings} onSaved={setSettings} auth={auth} onAuth={setAuth} />
      <StoreSection settings={settings} onSaved={setSettings} />
      <TestSection enabled={!!auth?.signedIn} />
      <NoticeSection storeName={settings.store.name} />
    </main>
  );
}
