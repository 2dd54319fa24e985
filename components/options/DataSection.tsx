import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { downloadText } from '@/components/ui/download';
import { Section } from '@/components/ui/Section';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { clearViewPreference } from './view-preference';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Export, import (preview first, then apply) and erase everything. */
export function DataSection(props: { model: OptionsModel; headingRef?: Ref<HTMLHeadingElement> }) {
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ json: string; summary: Record<string, number> }>();
  const [confirmErase, setConfirmErase] = useState(false);

  async function run(work: () => Promise<Status>) {
    setBusy(true);
    setStatus({ tone: 'info', text: i18n.t('options.data.working') });
    try {
      setStatus(await work());
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const exportAll = () =>
    run(async () => {
      const { json } = await callBackground('data.export', {});
      downloadText(`ordertalk-backup-${today()}.json`, json, 'application/json');
      return { tone: 'ok', text: i18n.t('options.data.exported') };
    });

  const preview = (file: File) =>
    run(async () => {
      setPending(undefined);
      const json = await file.text();
      const { summary } = await callBackground('data.import', { json, apply: false });
      setPending({ json, summary });
      return { tone: 'info', text: i18n.t('options.data.previewReady') };
    });

  const apply = () =>
    run(async () => {
      if (!pending) return { tone: 'info', text: '' };
      const { summary } = await callBackground('data.import', { json: pending.json, apply: true });
      setPending(undefined);
      await props.model.reload();
      const total = Object.values(summary).reduce((a, b) => a + b, 0);
      return { tone: 'ok', text: i18n.t('options.data.imported', { count: total }) };
    });

  const erase = () =>
    run(async () => {
      await callBackground('data.erase', {});
      // The background's erase empties storage (the popup's cached view with it); the page's own view
      // preference goes too, or this page would write it back.
      await clearViewPreference().catch(() => undefined);
      setConfirmErase(false);
      await props.model.reload();
      return { tone: 'ok', text: i18n.t('options.data.erased') };
    });

  return (
    <Section
      name="data"
      title={i18n.t('options.data.title')}
      intro={i18n.t('options.data.intro')}
      headingRef={props.headingRef}
    >
      <h3>{i18n.t('options.data.exportTitle')}</h3>
      <button
        type="button"
        class="ot-secondary"
        data-testid="data-export"
        disabled={busy}
        onClick={() => void exportAll()}
      >
        {i18n.t('options.data.export')}
      </button>

      <h3>{i18n.t('options.data.importTitle')}</h3>
      <div class="ot-field">
        <label for="data-import-file">{i18n.t('options.data.importFile')}</label>
        <input
          id="data-import-file"
          data-testid="data-import-file"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void preview(file);
            // Choosing the same file again (after fixing something) must fire change again.
            input.value = '';
          }}
        />
      </div>
      {pending && (
        <div class="ot-card" data-testid="data-import-summary">
          <p>{i18n.t('options.data.summaryIntro')}</p>
          <ul class="ot-list">
            {Object.entries(pending.summary).map(([k, n]) => (
              <li key={k}>
                <code>{k}</code>: {n}
              </li>
            ))}
          </ul>
          <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
            <button
              type="button"
              class="ot-primary"
              data-testid="data-import-apply"
              disabled={busy}
              onClick={() => void apply()}
            >
              {i18n.t('options.data.importApply')}
            </button>
            <button
              type="button"
              class="ot-secondary"
              data-testid="data-import-cancel"
              disabled={busy}
              onClick={() => setPending(undefined)}
            >
              {i18n.t('options.cancel')}
            </button>
          </div>
        </div>
      )}

      <h3>{i18n.t('options.data.eraseTitle')}</h3>
      <p class="ot-muted">{i18n.t('options.data.eraseHelp')}</p>
      {confirmErase ? (
        <div class="ot-card" role="alertdialog" aria-labelledby="erase-confirm-t">
          <p id="erase-confirm-t" class="ot-error">
            {i18n.t('options.data.eraseConfirmText')}
          </p>
          <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
            <button
              type="button"
              class="ot-danger"
              data-testid="data-erase-confirm"
              disabled={busy}
              onClick={() => void erase()}
            >
              {i18n.t('options.data.eraseConfirm')}
            </button>
            <button
              type="button"
              class="ot-secondary"
              data-testid="data-erase-cancel"
              disabled={busy}
              onClick={() => setConfirmErase(false)}
              autoFocus
            >
              {i18n.t('options.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="ot-secondary"
          data-testid="data-erase"
          disabled={busy}
          onClick={() => setConfirmErase(true)}
        >
          {i18n.t('options.data.erase')}
        </button>
      )}
      <StatusMessage status={status} testId="data-status" />
    </Section>
  );
}
