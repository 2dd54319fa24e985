import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { ALIMTALK_FIELDS, FIELD_LABELS, type AlimtalkField } from '@/utils/shared/alimtalk';
import type { AlimtalkState, AlimtalkTemplate } from '@/utils/shared/alimtalk-wire';
import { FREE_TEXT_ID } from '@/utils/shared/templates';
import { pick } from '@/components/ui/localized';

const STATUS_KEY: Record<string, string> = {
  APPROVED: 'alimtalk.status.approved',
  INSPECTING: 'alimtalk.status.inspecting',
  PENDING: 'alimtalk.status.pending',
  REJECTED: 'alimtalk.status.rejected',
};

function statusLabel(t: AlimtalkTemplate): string {
  const key = STATUS_KEY[t.status];
  return key ? i18n.t(key as 'alimtalk.status.approved') : t.status;
}

/**
 * The channel's templates (synced from SOLAPI): each `#{변수}` mapped to an order field, and which template answers
 * which OrderTalk notice. A template that is not approved or has an unmapped variable cannot be chosen, and says why.
 */
export function TemplateMapping(props: {
  model: OptionsModel;
  state?: AlimtalkState;
  onState: (s: AlimtalkState) => void;
  onStatus: (s: Status | undefined) => void;
}) {
  const { model, state } = props;
  const a = model.settings.alimtalk;
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    void callBackground('templates.list', {})
      .then((r) =>
        setNotices(r.templates.filter((t) => t.id !== FREE_TEXT_ID).map((t) => ({ id: t.id, name: t.name }))),
      )
      .catch(() => undefined);
  }, []);

  async function sync() {
    setBusy(true);
    props.onStatus(undefined);
    try {
      const s = await callBackground('alimtalk.syncTemplates', {});
      props.onState(s);
      props.onStatus({ tone: 'ok', text: i18n.t('alimtalk.synced', { count: s.templates.length }) });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function mapVariable(t: AlimtalkTemplate, name: string, field: string) {
    const variables: Record<string, AlimtalkField> = {};
    for (const [n, f] of Object.entries(t.mapping)) if (f) variables[n] = f;
    if (field) variables[name] = field as AlimtalkField;
    else delete variables[name];
    try {
      await model.saveSettings({ alimtalkMapping: { templateId: t.templateId, variables } });
      props.onState(await callBackground('alimtalk.state', {}));
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    }
  }

  async function pickNotice(noticeId: string, templateId: string) {
    try {
      await model.saveSettings({ alimtalkNotice: { noticeId, templateId: templateId || null } });
      props.onStatus({ tone: 'ok', text: i18n.t('options.saved') });
    } catch (err) {
      props.onStatus({ tone: 'error', ...optionsError(err) });
    }
  }

  const current = state?.syncedChannelId === a.channelId ? (state?.templates ?? []) : [];
  return (
    <>
      <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
        <button
          type="button"
          class="ot-secondary"
          data-testid="alimtalk-sync"
          disabled={busy || !a.channelId}
          aria-busy={busy}
          onClick={() => void sync()}
        >
          {i18n.t('alimtalk.sync')}
        </button>
        {!a.channelId && <span class="ot-muted">{i18n.t('alimtalk.channelCheckFirst')}</span>}
      </div>
      {current.length > 0 && (
        <>
          <h3>{i18n.t('alimtalk.noticesTitle')}</h3>
          <p class="ot-muted">{i18n.t('alimtalk.noticesIntro')}</p>
          {notices.map((n) => (
            <div class="ot-field" key={n.id}>
              <label for={`alimtalk-notice-${n.id}`}>{n.name}</label>
              <select
                id={`alimtalk-notice-${n.id}`}
                data-testid="alimtalk-notice"
                data-notice={n.id}
                value={a.notices[n.id] ?? ''}
                onChange={(e) => void pickNotice(n.id, e.currentTarget.value)}
              >
                <option value="">{i18n.t('alimtalk.noticeNone')}</option>
                {current.map((t) => (
                  <option key={t.templateId} value={t.templateId} disabled={!!t.problem}>
                    {t.problem ? `${t.name} — ${pick(t.problem)}` : t.name}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <h3>{i18n.t('alimtalk.templatesTitle')}</h3>
          <ul class="ot-list">
            {current.map((t) => (
              <li key={t.templateId} data-testid="alimtalk-template" data-template-id={t.templateId} class="ot-card">
                <strong>{t.name}</strong> <span class="ot-chip">{statusLabel(t)}</span>
                <pre class="ot-template-text">{t.content}</pre>
                {t.variables.map((v) => (
                  <div class="ot-field ot-inline" key={v}>
                    <label for={`var-${t.templateId}-${v}`}>{`#{${v}}`}</label>
                    <select
                      id={`var-${t.templateId}-${v}`}
                      data-testid="alimtalk-var"
                      data-var={v}
                      value={t.mapping[v] ?? ''}
                      onChange={(e) => void mapVariable(t, v, e.currentTarget.value)}
                    >
                      <option value="">{i18n.t('alimtalk.varUnmapped')}</option>
                      {ALIMTALK_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {pick(FIELD_LABELS[f])}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
                {t.problem && (
                  <p class="ot-error" data-testid="alimtalk-template-problem">
                    {pick(t.problem)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
