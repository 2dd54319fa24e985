import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import { downloadText } from '@/components/ui/download';
import { Section } from '@/components/ui/Section';
import { StatusMessage, type Status } from '@/components/ui/StatusMessage';
import { pick } from '@/components/ui/localized';
import { optionsError, type OptionsModel } from '@/components/options/common/useOptionsState';
import { formatWhen } from '@/components/options/common/dates';
import { PASSPHRASE_MIN, type BackupPart, type BackupPreview, type PartCount } from '@/utils/shared/backup';
import { clearViewPreference } from './view-preference';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const PART_LABEL: Record<BackupPart, () => string> = {
  settings: () => i18n.t('backup.part.settings'),
  links: () => i18n.t('backup.part.links'),
  templates: () => i18n.t('backup.part.templates'),
  reviewProgress: () => i18n.t('backup.part.reviewProgress'),
  history: () => i18n.t('backup.part.history'),
};
const ACTION_LABEL: Record<PartCount['action'], () => string> = {
  replace: () => i18n.t('backup.action.replace'),
  merge: () => i18n.t('backup.action.merge'),
  keep: () => i18n.t('backup.action.keep'),
};

/** Per part: now, in the file, after; then what is left out and why. */
function PreviewTable(props: { preview: BackupPreview; testId: string; done?: boolean }) {
  const { preview } = props;
  return (
    <div data-testid={props.testId}>
      {preview.exportedAt !== null && (
        <p class="ot-muted">{i18n.t('backup.exportedAt', { when: formatWhen(preview.exportedAt) })}</p>
      )}
      {!preview.encrypted && <p class="ot-muted">{i18n.t('backup.plainFile')}</p>}
      <table style={{ borderCollapse: 'collapse', margin: '6px 0', textAlign: 'left' }}>
        <thead>
          <tr>
            <th scope="col">{i18n.t('backup.col.part')}</th>
            <th scope="col">{i18n.t('backup.col.now')}</th>
            <th scope="col">{i18n.t('backup.col.file')}</th>
            <th scope="col">{i18n.t('backup.col.after')}</th>
            <th scope="col">{i18n.t('backup.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.parts.map((p) => (
            <tr key={p.part} data-part={p.part}>
              <th scope="row">{PART_LABEL[p.part]()}</th>
              {p.part === 'settings' ? (
                <td colSpan={3}>{i18n.t('backup.settingsChanged', { count: p.changed ?? 0 })}</td>
              ) : (
                <>
                  <td>{p.current.toLocaleString()}</td>
                  <td>{p.incoming.toLocaleString()}</td>
                  <td>{p.after.toLocaleString()}</td>
                </>
              )}
              <td>{ACTION_LABEL[p.action]()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.notes.length > 0 && (
        <>
          <p>{props.done ? i18n.t('backup.notesDone') : i18n.t('backup.notes')}</p>
          <ul class="ot-list" data-testid={`${props.testId}-notes`}>
            {preview.notes.map((n) => (
              <li key={`${n.part}-${n.code}`}>{pick(n)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Export (encrypted under a passphrase), import (preview first, then confirm) and erase everything. */
export function DataSection(props: { model: OptionsModel; headingRef?: Ref<HTMLHeadingElement> }) {
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [exportPass, setExportPass] = useState('');
  const [exportPass2, setExportPass2] = useState('');
  const [chosen, setChosen] = useState<{ name: string; text: string }>();
  const [importPass, setImportPass] = useState('');
  const [pending, setPending] = useState<BackupPreview>();
  const [result, setResult] = useState<BackupPreview>();
  const [confirmErase, setConfirmErase] = useState(false);

  async function run(work: () => Promise<Status>) {
    setBusy(true);
    setStatus({ tone: 'info', text: i18n.t('backup.working') });
    try {
      setStatus(await work());
    } catch (err) {
      setStatus({ tone: 'error', ...optionsError(err) });
    } finally {
      setBusy(false);
    }
  }

  const passProblem =
    exportPass.length < PASSPHRASE_MIN
      ? i18n.t('backup.passphraseShort', { min: PASSPHRASE_MIN })
      : exportPass !== exportPass2
        ? i18n.t('backup.passphraseMismatch')
        : undefined;

  const exportAll = () =>
    run(async () => {
      if (passProblem) return { tone: 'error', text: passProblem };
      const { file } = await callBackground('data.export', { passphrase: exportPass });
      downloadText(`ordertalk-backup-${today()}.json`, file, 'application/json');
      setExportPass('');
      setExportPass2('');
      return { tone: 'ok', text: i18n.t('backup.exported') };
    });

  const preview = () =>
    run(async () => {
      setPending(undefined);
      setResult(undefined);
      if (!chosen) return { tone: 'error', text: i18n.t('backup.chooseFirst') };
      const { preview } = await callBackground('data.import', {
        file: chosen.text,
        passphrase: importPass || undefined,
        apply: false,
      });
      setPending(preview);
      return { tone: 'info', text: i18n.t('backup.previewReady') };
    });

  const apply = () =>
    run(async () => {
      if (!pending || !chosen) return { tone: 'info', text: '' };
      const { preview } = await callBackground('data.import', {
        file: chosen.text,
        passphrase: importPass || undefined,
        apply: true,
      });
      setPending(undefined);
      setChosen(undefined);
      setImportPass('');
      setResult(preview);
      await props.model.reload();
      return { tone: 'ok', text: i18n.t('backup.imported') };
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
      intro={i18n.t('backup.intro')}
      headingRef={props.headingRef}
    >
      <h3>{i18n.t('backup.exportTitle')}</h3>
      <p class="ot-muted">{i18n.t('backup.exportHelp')}</p>
      <label class="ot-field">
        <span>{i18n.t('backup.passphrase', { min: PASSPHRASE_MIN })}</span>
        <input
          type="password"
          autocomplete="new-password"
          data-testid="data-export-passphrase"
          value={exportPass}
          disabled={busy}
          onInput={(e) => setExportPass(e.currentTarget.value)}
        />
      </label>
      <label class="ot-field">
        <span>{i18n.t('backup.passphraseAgain')}</span>
        <input
          type="password"
          autocomplete="new-password"
          data-testid="data-export-passphrase2"
          value={exportPass2}
          disabled={busy}
          onInput={(e) => setExportPass2(e.currentTarget.value)}
        />
      </label>
      {exportPass && passProblem && (
        <p class="ot-muted" data-testid="data-export-problem">
          {passProblem}
        </p>
      )}
      <button
        type="button"
        class="ot-secondary"
        data-testid="data-export"
        disabled={busy || !!passProblem}
        onClick={() => void exportAll()}
      >
        {i18n.t('backup.export')}
      </button>

      <h3>{i18n.t('backup.importTitle')}</h3>
      <p class="ot-muted">{i18n.t('backup.importHelp')}</p>
      <div class="ot-field">
        <label for="data-import-file">{i18n.t('backup.importFile')}</label>
        <input
          id="data-import-file"
          data-testid="data-import-file"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            setPending(undefined);
            setResult(undefined);
            if (file) void file.text().then((text) => setChosen({ name: file.name, text }));
            // Choosing the same file again (after fixing something) must fire change again.
            input.value = '';
          }}
        />
      </div>
      {chosen && <p class="ot-muted">{i18n.t('backup.chosen', { name: chosen.name })}</p>}
      <label class="ot-field">
        <span>{i18n.t('backup.importPassphrase')}</span>
        <input
          type="password"
          autocomplete="off"
          data-testid="data-import-passphrase"
          value={importPass}
          disabled={busy}
          onInput={(e) => {
            setImportPass(e.currentTarget.value);
            setPending(undefined);
          }}
        />
      </label>
      <button
        type="button"
        class="ot-secondary"
        data-testid="data-import-check"
        disabled={busy || !chosen}
        onClick={() => void preview()}
      >
        {i18n.t('backup.check')}
      </button>
      {pending && (
        <div class="ot-card" data-testid="data-import-summary">
          <p>{i18n.t('backup.previewTitle')}</p>
          <PreviewTable preview={pending} testId="data-import-preview" />
          <div class="ot-row" style={{ justifyContent: 'flex-start' }}>
            <button
              type="button"
              class="ot-primary"
              data-testid="data-import-apply"
              disabled={busy}
              onClick={() => void apply()}
            >
              {i18n.t('backup.apply')}
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
      {result && (
        <div class="ot-card" data-testid="data-import-result">
          <p>{i18n.t('backup.resultTitle')}</p>
          <PreviewTable preview={result} testId="data-import-done" done />
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
