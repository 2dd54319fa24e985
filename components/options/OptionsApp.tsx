import { i18n } from '#i18n';

export function OptionsApp() {
  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '24px' }}>
      <h1 data-testid="options-title">{i18n.t('options.title')}</h1>
      <p>{i18n.t('options.intro')}</p>
    </main>
  );
}
