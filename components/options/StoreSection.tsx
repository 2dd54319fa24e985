import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { i18n } from '#i18n';
import type { Settings } from '@/utils/shared/settings-schema';
import { STORE_ADMINS } from '@/utils/shared/store-admins';
import {
  hostOf,
  invalidLinkDomains,
  parseLinkDomains,
  storeUrlProblem,
  urlInLinkDomains,
} from '@/utils/shared/onboarding/store-checks';
import { Field } from '@/components/ui/Field';
import { pick } from '@/components/ui/localized';
import { useOnChange } from '@/components/ui/useOnChange';
import { Section } from '@/components/ui/Section';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';

type Admins = Settings['store']['admins'];
// One switch per built-in admin (utils/shared/store-admins.ts), then the admins the operator describes.
const ADMINS: { key: keyof Admins; label: () => string }[] = [
  ...STORE_ADMINS.map((a) => ({ key: a.id, label: () => pick(a.label) })),
  { key: 'custom', label: () => i18n.t('options.store.adminCustom') },
];

function urlError(url: string): string | undefined {
  const p = storeUrlProblem(url);
  if (p === 'not-https') return i18n.t('options.store.urlNotHttps');
  if (p === 'malformed') return i18n.t('options.store.urlMalformed');
  return undefined;
}

/** Step 2: the store as customers know it, where message links point, and which admins get the button. */
export function StoreSection(props: { model: OptionsModel; headingRef?: Ref<HTMLHeadingElement> }) {
  const { model } = props;
  const store = model.settings.store;
  const [name, setName] = useState(store.name);
  const [url, setUrl] = useState(store.url);
  const [domains, setDomains] = useState(store.linkDomains.join(', '));
  const [admins, setAdmins] = useState<Admins>(store.admins);
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  // Reset the form only when the stored store changes (load, import, erase), not when another section saves.
  useOnChange(JSON.stringify(store), () => {
    setName(store.name);
    setUrl(store.url);
    setDomains(store.linkDomains.join(', '));
    setAdmins(store.admins);
  });

  const parsedDomains = parseLinkDomains(domains);
  const badDomains = invalidLinkDomains(parsedDomains);
  const uError = urlError(url);
  const dError = badDomains.length
    ? i18n.t('options.store.domainsInvalid', { domains: badDomains.join(', ') })
    : undefined;
  const host = hostOf(url);
  const uncovered = !!host && !uError && !urlInLinkDomains(url, parsedDomains);
  const nameError = name.trim() === '' && store.name !== '' ? i18n.t('options.store.nameEmpty') : undefined;

  async function save(e: Event) {
    e.preventDefault();
    if (uError || dError) return;
    setBusy(true);
    setStatus(undefined);
    try {
      // Only the switches flipped here: the custom-admin section turns `custom` on by itself.
      const flipped = Object.fromEntries(
        Object.entries(admins).filter(([id, on]) => store.admins[id as keyof typeof admins] !== on),
      );
      await model.saveSettings({
        store: { name: name.trim(), url: url.trim(), linkDomains: parsedDomains, admins: flipped },
      });
      setStatus({ tone: 'ok', text: i18n.t('options.saved') });
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section
      name="store"
      title={i18n.t('options.store.title')}
      intro={i18n.t('options.store.intro')}
      headingRef={props.headingRef}
    >
      <form onSubmit={(e) => void save(e)} noValidate>
        <Field
          id="store-name"
          testId="store-name"
          label={i18n.t('options.store.name')}
          value={name}
          onValue={setName}
          help={i18n.t('options.store.nameHelp')}
          error={nameError}
          maxLength={40}
          autocomplete="organization"
        />
        <Field
          id="store-url"
          testId="store-url"
          type="url"
          label={i18n.t('options.store.url')}
          value={url}
          onValue={setUrl}
          help={i18n.t('options.store.urlHelp')}
          error={uError}
          placeholder="https://smartstore.naver.com/mystore"
          autocomplete="url"
          spellcheck={false}
        />
        <Field
          id="store-link-domains"
          testId="store-link-domains"
          label={i18n.t('options.store.domains')}
          value={domains}
          onValue={setDomains}
          help={i18n.t('options.store.domainsHelp')}
          error={dError}
          placeholder="smartstore.naver.com"
          spellcheck={false}
        />
        {uncovered && host && (
          <p class="ot-warn" data-testid="store-domain-uncovered">
            {i18n.t('options.store.domainUncovered', { host })}{' '}
            <button
              type="button"
              class="ot-link"
              data-testid="store-domain-add"
              onClick={() => setDomains([...parsedDomains, host].join(', '))}
            >
              {i18n.t('options.store.domainAdd', { host })}
            </button>
          </p>
        )}
        <fieldset style={{ border: 0, padding: 0, margin: '12px 0' }}>
          <legend style={{ fontWeight: 600 }}>{i18n.t('options.store.admins')}</legend>
          {ADMINS.map((a) => (
            <label class="ot-check" key={a.key}>
              <input
                type="checkbox"
                data-testid={`admin-${a.key}`}
                checked={admins[a.key]}
                onChange={(e) => setAdmins({ ...admins, [a.key]: e.currentTarget.checked })}
              />
              <span>{a.label()}</span>
            </label>
          ))}
        </fieldset>
        <button
          class="ot-primary"
          type="submit"
          data-testid="store-save"
          disabled={busy || !!uError || !!dError}
          aria-busy={busy}
        >
          {i18n.t('options.save')}
        </button>
      </form>
      <StatusMessage status={status} testId="store-status" />
    </Section>
  );
}
