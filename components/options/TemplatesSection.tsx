import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';
import { callBackground } from '@/utils/pages/background-client';
import type { Template } from '@/utils/shared/templates';
import { VARIABLES } from '@/utils/shared/templates';
import type { Preview } from '@/utils/shared/wire';
import { KakaoPreview } from '@/components/preview/KakaoPreview';
import { errorMessage, pick } from '@/components/ui/localized';

const blank = (): Template => ({
  id: `own-${crypto.randomUUID().slice(0, 8)}`,
  name: '',
  layout: 'text',
  body: '',
  buttons: [{ title: '스토어 보기', url: '{링크}' }],
  builtIn: false,
});

/** Templates editor with the same rendering and KakaoTalk-like preview compose uses. */
export function TemplatesSection() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [draft, setDraft] = useState<Template>();
  const [preview, setPreview] = useState<{ preview?: Preview; problems: { ko: string; en: string }[] }>();
  const [status, setStatus] = useState('');
  const load = () =>
    callBackground('templates.list', {}).then(
      (r) => setTemplates(r.templates),
      (e) => setStatus(errorMessage(e)),
    );
  useEffect(() => void load(), []);
  useEffect(() => {
    if (!draft) return;
    const t = setTimeout(() => {
      callBackground('templates.preview', { template: { ...draft, name: draft.name || '-' } }).then(setPreview, (e) =>
        setStatus(errorMessage(e)),
      );
    }, 200);
    return () => clearTimeout(t);
  }, [draft]);

  const set = (patch: Partial<Template>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setButton = (i: number, patch: Partial<Template['buttons'][number]>) =>
    set({ buttons: (draft?.buttons ?? []).map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    try {
      const buttons = draft.buttons.filter((b) => b.title.trim() && b.url.trim());
      await callBackground('templates.save', { template: { ...draft, buttons } });
      setStatus(i18n.t('options.templates.saved'));
      setDraft(undefined);
      await load();
    } catch (err) {
      setStatus(errorMessage(err));
    }
  }

  return (
    <Section name="templates" title={i18n.t('options.templates.title')} intro={i18n.t('options.templates.intro')}>
      <ul class="ot-list" data-testid="template-list">
        {templates.map((t) => (
          <li key={t.id} class="ot-row" data-template-id={t.id}>
            <span>
              {t.name} {t.builtIn && <small class="ot-muted">({i18n.t('options.templates.builtIn')})</small>}
            </span>
            <span>
              {t.builtIn ? (
                <button
                  type="button"
                  class="ot-link"
                  onClick={() => setDraft({ ...t, id: blank().id, name: `${t.name} (2)`, builtIn: false })}
                >
                  {i18n.t('options.templates.copy')}
                </button>
              ) : (
                <>
                  <button type="button" class="ot-link" onClick={() => setDraft(t)}>
                    {i18n.t('options.templates.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    class="ot-link"
                    onClick={async () => {
                      await callBackground('templates.delete', { id: t.id });
                      setStatus(i18n.t('options.templates.deleted'));
                      await load();
                    }}
                  >
                    {i18n.t('options.templates.delete')}
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" class="ot-secondary" data-testid="template-new" onClick={() => setDraft(blank())}>
        {i18n.t('options.templates.new')}
      </button>
      {draft && (
        <form
          onSubmit={save}
          class="ot-card"
          data-testid="template-editor"
          style={{ display: 'grid', gridTemplateColumns: '1fr 300px', gap: '16px' }}
        >
          <div>
            <label class="ot-field">
              <span>{i18n.t('options.templates.name')}</span>
              <input
                data-testid="template-name"
                required
                maxLength={40}
                value={draft.name}
                onInput={(e) => set({ name: e.currentTarget.value })}
              />
            </label>
            <label class="ot-field">
              <span>{i18n.t('options.templates.layout')}</span>
              <select
                data-testid="template-layout"
                value={draft.layout}
                onChange={(e) => set({ layout: e.currentTarget.value as Template['layout'] })}
              >
                <option value="text">{i18n.t('options.templates.layoutText')}</option>
                <option value="feed">{i18n.t('options.templates.layoutFeed')}</option>
                <option value="commerce">{i18n.t('options.templates.layoutCommerce')}</option>
              </select>
            </label>
            {draft.layout !== 'text' && (
              <label class="ot-field">
                <span>{i18n.t('options.templates.titleField')}</span>
                <input
                  value={draft.title ?? ''}
                  maxLength={200}
                  onInput={(e) => set({ title: e.currentTarget.value })}
                />
              </label>
            )}
            <label class="ot-field">
              <span>{i18n.t('options.templates.body')}</span>
              <textarea
                data-testid="template-body"
                rows={5}
                maxLength={1000}
                value={draft.body}
                onInput={(e) => set({ body: e.currentTarget.value })}
              />
            </label>
            <p class="ot-muted">
              {i18n.t('options.templates.variables')}{' '}
              {VARIABLES.map((v) => (
                <button
                  type="button"
                  class="ot-secondary"
                  key={v}
                  onClick={() => set({ body: `${draft.body}{${v}}` })}
                >{`{${v}}`}</button>
              ))}
            </p>
            {draft.layout !== 'text' && (
              <label class="ot-field">
                <span>{i18n.t('options.templates.imageUrl')}</span>
                <input
                  type="url"
                  value={draft.imageUrl ?? ''}
                  onInput={(e) => set({ imageUrl: e.currentTarget.value || undefined })}
                />
              </label>
            )}
            {draft.layout === 'commerce' && (
              <label class="ot-field">
                <span>{i18n.t('options.templates.price')}</span>
                <input
                  type="number"
                  min={0}
                  value={draft.price ?? 0}
                  onInput={(e) => set({ price: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) })}
                />
              </label>
            )}
            {[0, 1].map((i) => (
              <div class="ot-row" key={i}>
                <label class="ot-field">
                  <span>{i18n.t('options.templates.buttonTitle', { n: i + 1 })}</span>
                  <input
                    maxLength={14}
                    value={draft.buttons[i]?.title ?? ''}
                    onInput={(e) =>
                      draft.buttons[i]
                        ? setButton(i, { title: e.currentTarget.value })
                        : set({ buttons: [...draft.buttons, { title: e.currentTarget.value, url: '{링크}' }] })
                    }
                  />
                </label>
                <label class="ot-field">
                  <span>{i18n.t('options.templates.buttonUrl', { n: i + 1 })}</span>
                  <input
                    value={draft.buttons[i]?.url ?? ''}
                    onInput={(e) => draft.buttons[i] && setButton(i, { url: e.currentTarget.value })}
                  />
                </label>
              </div>
            ))}
            <button class="ot-primary" type="submit" data-testid="template-save">
              {i18n.t('options.templates.save')}
            </button>
          </div>
          <aside>
            <h3>{i18n.t('options.templates.preview')}</h3>
            {preview?.preview && <KakaoPreview preview={preview.preview} />}
            <ul class="ot-error" data-testid="template-problems" aria-live="polite">
              {preview?.problems.map((p) => (
                <li key={p.ko}>{pick(p)}</li>
              ))}
            </ul>
          </aside>
        </form>
      )}
      {status && (
        <p role="status" aria-live="polite" data-testid="template-status" style={{ whiteSpace: 'pre-line' }}>
          {status}
        </p>
      )}
    </Section>
  );
}
