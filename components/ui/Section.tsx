import type { ComponentChildren, Ref } from 'preact';

/** One options section: a labelled region with a stable test hook (`options-section-<name>`). */
export function Section(props: {
  name: string;
  title: string;
  intro?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ComponentChildren;
}) {
  const headingId = `section-${props.name}-h`;
  return (
    <section class="ot-section" data-testid={`options-section-${props.name}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={props.headingRef} tabIndex={-1}>
        {props.title}
      </h2>
      {props.intro && <p class="ot-muted">{props.intro}</p>}
      {props.children}
    </section>
  );
}
