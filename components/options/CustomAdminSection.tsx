import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';
import { callBackground } from '@/utils/pages/background-client';
import {
  CustomAdminInputSchema,
  matchPatternProblem,
  originPattern,
  type CustomAdmin,
} from '@/utils/shared/custom-admin';
import { selectorProblem } from '@/utils/pages/selector-check';
import { rowProblemText } from '@/utils/shared/row-problem-text';
import type { Settings, SettingsPatch } from '@/utils/shared/settings-schema';
import { errorMessage } from '@/components/ui/localized';

const FIELDS = [
  ['orderNo', () => i18n.t('options.customAdmin.fields.orderNo')],
  ['productOrderNo', () => i18n.t('options.customAdmin.fields.productOrderNo')],
  ['buyerName', () => i18n.t('options.customAdmin.fields.buyerName')],
  ['productName', () => i18n.t('options.customAdmin.fields.productName')],
  ['buyerId', () => i18n.t('options.customAdmin.fields.buyerId')],
  ['buyerPhone', () => i18n.t('options.customAdmin.fields.buyerPhone')],
  ['courier', () => i18n.t('options.customAdmin.fields.courier')],
  ['trackingNo', () => i18n.t('options.customAdmin.fields.trackingNo')],
] as const;
type FieldName = (typeof FIELDS)[number][0];

/** "열:머리글" / "col:header" names a column by its header; anything else is a CSS selector. */
function toField(text: string): { selector: string } | { header: string } | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const m = /^(?:열|col):\s*(.+)$/i.exec(t);
  return m ? { header: m[1]!.trim() } : { selector: t };
}
const fromField = (f?: { selector: string } | { header: string }) =>
  !f ? '' : 'header' in f ? `열:${f.header}` : f.selector;

/** Describe an admin the product does not know; its site permission is asked for on save, for that site only. */
export function CustomAdminSection(props: {
  settings: Settings;
  saveSettings: (patch: SettingsPatch) => Promise<Settings>;
}) {
  const first = props.settings.customAdmins[0];
  const [name, setName] = useState(first?.name ?? '');
  const [urlPattern, setUrlPattern] = useState(first?.urlPattern ?? '');
  const [rowSelector, setRowSelector] = useState(first?.rowSelector ?? '');
  const [fields, setFields] = useState<Record<FieldName, string>>(
    Object.fromEntries(FIELDS.map(([k]) => [k, fromField(first?.fields[k])])) as Record<FieldName, string>,
  );
  const [status, setStatus] = useState('');

  /** The browser's own parser says whether a selector works, and which part breaks it. */
  function selectorError(text: string): string | undefined {
    const f = toField(text);
    if (!f || !('selector' in f)) return undefined;
    const p = selectorProblem(f.selector);
    return p ? i18n.t('options.customAdmin.selectorBad', { part: p.failingPart }) : undefined;
  }
  const patternError = urlPattern.trim() ? (matchPatternProblem(urlPattern.trim()) ?? undefined) : undefined;
  const rowError = selectorError(rowSelector);
  const fieldErrors = Object.fromEntries(FIELDS.map(([k]) => [k, selectorError(fields[k])])) as Record<
    FieldName,
    string | undefined
  >;
  const firstError =
    patternError ??
    rowError ??
    FIELDS.map(([k, label]) => fieldErrors[k] && `${label()}: ${fieldErrors[k]}`).find(Boolean);

  function config(): CustomAdmin | null {
    if (firstError) {
      setStatus(firstError);
      return null;
    }
    const parsed = CustomAdminInputSchema.safeParse({
      name,
      urlPattern: urlPattern.trim(),
      rowSelector: rowSelector.trim(),
      fields: Object.fromEntries(FIELDS.flatMap(([k]) => (toField(fields[k]) ? [[k, toField(fields[k])]] : []))),
    });
    if (!parsed.success) {
      setStatus(parsed.error.issues[0]?.message ?? 'invalid');
      return null;
    }
    return parsed.data;
  }

  async function test() {
    const c = config();
    if (!c) return;
    try {
      const r = await callBackground('custom.preview', { config: c });
      if (!r.tabFound) return setStatus(i18n.t('options.customAdmin.testNoTab'));
      const lines = r.orders
        .map((o) => `${o.orderNo} · ${o.buyerName} · ${o.productName}`)
        .concat(
          r.problems.map((p) => rowProblemText(p, (name) => (browser.i18n.getMessage as (n: string) => string)(name))),
        );
      setStatus(
        `${i18n.t('options.customAdmin.testResult', { rows: r.rows, orders: r.orders.length })} ${lines.join(' / ')}`,
      );
    } catch (e) {
      setStatus(errorMessage(e));
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    const c = config();
    if (!c) return;
    try {
      // Asked here, inside the operator's click: for this one site, never all sites.
      const granted = await browser.permissions.request({ origins: [originPattern(c.urlPattern)] }).catch(() => false);
      await props.saveSettings({ customAdmin: { upsert: c }, store: { admins: { custom: true } } });
      setStatus(granted ? i18n.t('options.customAdmin.saved') : i18n.t('options.customAdmin.denied'));
    } catch (err) {
      setStatus(errorMessage(err));
    }
  }

  return (
    <Section
      name="custom-admin"
      title={i18n.t('options.customAdmin.title')}
      intro={i18n.t('options.customAdmin.intro')}
    >
      <form onSubmit={save}>
        <label class="ot-field">
          <span>{i18n.t('options.customAdmin.name')}</span>
          <input
            data-testid="custom-name"
            value={name}
            maxLength={40}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="ot-field">
          <span>{i18n.t('options.customAdmin.urlPattern')}</span>
          <input
            data-testid="custom-url"
            value={urlPattern}
            aria-invalid={!!patternError}
            onInput={(e) => setUrlPattern(e.currentTarget.value)}
          />
          {patternError && (
            <small class="ot-error" data-testid="custom-url-error">
              {patternError}
            </small>
          )}
        </label>
        <label class="ot-field">
          <span>{i18n.t('options.customAdmin.rowSelector')}</span>
          <input
            data-testid="custom-row"
            value={rowSelector}
            aria-invalid={!!rowError}
            onInput={(e) => setRowSelector(e.currentTarget.value)}
          />
          {rowError && (
            <small class="ot-error" data-testid="custom-row-error">
              {rowError}
            </small>
          )}
        </label>
        {FIELDS.map(([k, label]) => (
          <label class="ot-field" key={k}>
            <span>{i18n.t('options.customAdmin.field', { name: label() })}</span>
            <input
              data-testid={`custom-field-${k}`}
              value={fields[k]}
              placeholder={i18n.t('options.customAdmin.fieldHelp')}
              aria-invalid={!!fieldErrors[k]}
              onInput={(e) => setFields({ ...fields, [k]: e.currentTarget.value })}
            />
            {fieldErrors[k] && (
              <small class="ot-error" data-testid={`custom-field-${k}-error`}>
                {fieldErrors[k]}
              </small>
            )}
          </label>
        ))}
        <div class="ot-row">
          <button type="button" class="ot-secondary" data-testid="custom-test" onClick={test}>
            {i18n.t('options.customAdmin.test')}
          </button>
          <button type="submit" class="ot-primary" data-testid="custom-save">
            {i18n.t('options.customAdmin.save')}
          </button>
        </div>
      </form>
      {status && (
        <p role="status" aria-live="polite" data-testid="custom-status">
          {status}
        </p>
      )}
    </Section>
  );
}
