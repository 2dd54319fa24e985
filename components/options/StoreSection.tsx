import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/messaging/client';
import type { Settings } from '@/utils/settings/schema';
import { errorMessage } from '@/components/ui/localized';

export function StoreSection(props: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [name, setName] = useState(props.settings.store.name);
  const [url, setUrl] = useState(props.settings.store.url);
  const [domains, setDomains] = useState(props.settings.store.linkDomains.join(', '));
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    setName(props.settings.store.name);
    setUrl(props.settings.store.url);
    setDomains(props.settings.store.linkDomains.join(', '));
  }, [props.settings]);
  const urlInvalid = url.trim() !== '' && !/^https:\/\/[^\s/]+/.test(url.trim());

  async function save(e: Event) {
    e.preventDefault();
    if (urlInvalid) return;
    try {
      const linkDomains = domains.split(/[\s,]+/).map((d) => d.trim()).filter(Boolean);
      const saved = await callBackground('settings.save', {
        settings: { ...props.settings, store: { ...props.settings.store, name: name.trim(), url: url.trim(), linkDomains } },
      });
      props.onSaved(saved);
      setStatus({ ok: true, text: i18n.t('options.saved') });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <section class="ot-card" data-testid="options-section-store" aria-labelledby="store-h">
      <h2 id="store-h">{i18n.t('options.sectionStore')}</h2>
      <form onSubmit={save}>
        <label class="ot-field">
          <span>{i18n.t('options.storeName')}</span>
          <input data-testid="store-name" value={name} maxLength={40} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="ot-field">
          <span>{i18n.t('options.storeUrl')}</span>
          <input data-testid="store-url" value={url} placeholder="https://smartstore.naver.com/..." onInput={(e) => setUrl(e.currentTarget.value)} aria-invalid={urlInvalid} />
          {urlInvalid && <small class="ot-error">{i18n.t('options.storeUrlInvalid')}</small>}
        </label>
        <label class="ot-field">
          <span>{i18n.t('options.linkDomains')}</span>
          <input data-testid="store-link-domains" value={domains} placeholder="smartstore.naver.com" onInput={(e) => setDomains(e.currentTarget.value)} />
        </label>
        <button class="ot-primary" data-testid="store-save" type="submit" disabled={urlInvalid}>{i18n.t('options.save')}</button>
      </form>
      {status && <p role="status" aria-live="polite" class={status.ok ? 'ot-ok' : 'ot-error'}>{status.text}</p>}
    </section>
  );
}
