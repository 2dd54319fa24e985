export type Status = { tone: 'ok' | 'error' | 'info'; text: string; fix?: string; action?: string };

/**
 * A live region that is always in the DOM (so screen readers announce changes) and shows the latest
 * async result: what happened and, for errors, what to do.
 */
export function StatusMessage(props: { status?: Status; testId?: string; id?: string }) {
  const s = props.status;
  const cls = s?.tone === 'error' ? 'ot-error' : s?.tone === 'ok' ? 'ot-ok' : 'ot-muted';
  return (
    <p id={props.id} class={`ot-status ${cls}`} role="status" aria-live="polite" data-testid={props.testId}>
      {s && (s.fix ? `${s.text} ${s.fix}` : s.text)}
    </p>
  );
}
