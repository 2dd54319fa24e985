import { i18n } from '#i18n';

export function PopupApp() {
  return (
    <main class="popup" style={{ width: '340px', padding: '16px' }}>
      <header style={{ display: 'flex', gap: '10px', alignItems: 'center' }}>
        <img src="/icons/48.png" width={32} height={32} alt="" />
        <h1 data-testid="popup-title" style={{ fontSize: '16px', margin: 0 }}>{i18n.t('popup.title')}</h1>
      </header>
      <p>{i18n.t('popup.tagline')}</p>
      <p data-testid="setup-next">{i18n.t('popup.setupNeeded')}</p>
      <button class="ot-primary" onClick={() => browser.runtime.openOptionsPage()}>
        {i18n.t('common.openOptions')}
      </button>
    </main>
  );
}
