/** A small state badge; the tick or warning sign repeats the colour for those who can't see it. */
export function Chip(props: { ok: boolean; label: string; stateLabel: string; testId?: string }) {
  return (
    <span class="ot-chip" data-ok={String(props.ok)} data-testid={props.testId}>
      <span aria-hidden="true">{props.ok ? '✓' : '!'}</span>
      {props.label}
      <span class="ot-visually-hidden">{` (${props.stateLabel})`}</span>
    </span>
  );
}
