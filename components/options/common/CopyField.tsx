import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

/**
 * A value the operator must paste somewhere exactly (redirect URI, notice text), with a copy button whose
 * result is announced. The text stays selectable when the clipboard is refused.
 */
export function CopyField(props: { id: string; label: string; value: string; testId: string; multiline?: boolean }) {
  const [result, setResult] = useState<'copied' | 'failed'>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  }
  const labelId = `${props.id}-label`;
  return (
    <div class="ot-field">
      <span class="ot-label" id={labelId}>
        {props.label}
      </span>
      <div class="ot-row" style={{ alignItems: 'flex-start', flexWrap: 'nowrap' }}>
        {props.multiline ? (
          <pre class="ot-pre" style={{ flex: 1 }} data-testid={props.testId} aria-labelledby={labelId}>
            {props.value}
          </pre>
        ) : (
          <code class="ot-code" data-testid={props.testId} aria-labelledby={labelId}>
            {props.value}
          </code>
        )}
        <button
          type="button"
          class="ot-secondary"
          data-testid={`${props.testId}-copy`}
          aria-describedby={labelId}
          onClick={() => void copy()}
        >
          {i18n.t('options.copy')}
        </button>
      </div>
      <small class={result === 'failed' ? 'ot-error' : 'ot-ok'} role="status" aria-live="polite">
        {result === 'copied' ? i18n.t('options.copied') : result === 'failed' ? i18n.t('options.copyFailed') : ''}
      </small>
    </div>
  );
}
