/**
 * A labelled text input with its help line or error tied to it (aria-describedby, aria-invalid), so the
 * label is announced with the field and the error replaces the help where the eye already is.
 */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  help?: string;
  error?: string;
  testId?: string;
  type?: 'text' | 'password' | 'url';
  placeholder?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  maxLength?: number;
  required?: boolean;
}) {
  const { id, help, error } = props;
  const helpId = `${id}-help`;
  const described = help || error ? helpId : undefined;
  return (
    <div class="ot-field">
      <label for={id}>{props.label}</label>
      <input
        // Preact 11 types <input> as a union keyed by literal `type`; all three here take the same attributes.
        type={(props.type ?? 'text') as 'text'}
        id={id}
        value={props.value}
        placeholder={props.placeholder}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        maxLength={props.maxLength}
        required={props.required}
        data-testid={props.testId}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={described}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      {described && (
        <small id={helpId} class={error ? 'ot-error' : 'ot-muted'} aria-live="polite">
          {error ?? help}
        </small>
      )}
    </div>
  );
}
