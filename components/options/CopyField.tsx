import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

export function CopyField(props: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div style={{ margin: '8px 0' }}>
      <strong>{props.label}</strong>
      <div class="ot-row">
        <code class="ot-uri" data-testid={props.testId}>{props.value}</code>
        <button
          class="ot-secondary"
          aria-label={`${i18n.t('options.copy')} ${props.label}`}
          onClick={async () => {
            await navigator.clipboard.writeText(props.value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? i18n.t('options.copied') : i18n.t('options.copy')}
        </button>
      </div>
    </div>
  );
}
