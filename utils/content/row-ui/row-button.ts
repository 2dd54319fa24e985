import type { OrderStatus } from '@/utils/shared/protocol';
import { HOST_STYLE, ROW_CSS } from './styles';

export const ROW_HOST = 'ordertalk-row';

const sheets = new WeakMap<Document, CSSStyleSheet>();

/** One constructed stylesheet shared by every row's shadow root (a <style> per row costs per row). */
function sharedStyle(doc: Document, shadow: ShadowRoot): HTMLStyleElement | null {
  try {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new (doc.defaultView ?? window).CSSStyleSheet();
      sheet.replaceSync(ROW_CSS);
      sheets.set(doc, sheet);
    }
    shadow.adoptedStyleSheets = [sheet];
    return null;
  } catch {
    const style = doc.createElement('style');
    style.textContent = ROW_CSS;
    return style;
  }
}

// The KakaoTalk speech bubble, drawn as a path (no image request, no font), and the status dot. Our own
// constant markup: nothing from the page goes in.
const MARKUP =
  '<button type=button data-testid=ordertalk-notify aria-describedby=s><svg viewBox="0 0 24 24" aria-hidden=true><path d="M12 3C6.5 3 2 6.6 2 11c0 2.8 1.8 5.3 4.6 6.7L5.6 21.5l4.4-2.9c.7.1 1.3.2 2 .2 5.5 0 10-3.6 10-8S17.5 3 12 3z"/></svg></button><span id=s data-testid=ordertalk-status hidden></span>';
const templates = new WeakMap<Document, DocumentFragment>();

function template(doc: Document, texts: RowTexts): DocumentFragment {
  let parts = templates.get(doc);
  if (!parts) {
    const t = doc.createElement('template');
    t.innerHTML = MARKUP;
    parts = t.content;
    const button = parts.firstChild as HTMLElement;
    button.setAttribute('aria-label', texts.notify);
    button.title = texts.notify;
    templates.set(doc, parts);
  }
  return parts;
}

export interface RowTexts {
  notify: string;
  status: Record<OrderStatus['state'], string>;
}

export interface RowHandle {
  key: string;
  host: HTMLElement;
  setStatus(status: OrderStatus | undefined): void;
  /** A row that cannot be read gets a disabled button with the reason on hover. */
  setProblem(problem: string | undefined): void;
}

// The grid moves its cell focus and selection on mousedown (docs/reference/tui-grid-real-dom.md): none of the
// pointer events on the control may reach it.
export const STOPPED = ['pointerdown', 'mousedown', 'dblclick'] as const;
export const stop = (event: Event) => event.stopPropagation();

/** Whether a click is the operator's own, on the button where it really is, at its real small size. */
function genuine(event: MouseEvent, button: HTMLElement): boolean {
  const b = button.getBoundingClientRect();
  const { clientX: x, clientY: y } = event;
  // A page that enlarged our host or its box (its style overridden after all, a zoom, a transform) gets nothing.
  return event.isTrusted && b.width < 32 && b.height < 32 && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
}

/**
 * The control (a KakaoTalk-bubble button with a status dot) for one row, in a shadow root. Only a trusted
 * click on the button's real box counts: a page script calling click(), dispatching events or stretching the
 * host over the page gets nothing.
 */
export function createRowButton(doc: Document, key: string, texts: RowTexts, onClick: () => void): RowHandle {
  const host = doc.createElement(ROW_HOST);
  host.setAttribute('data-key', key);
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = sharedStyle(doc, shadow);
  // One clone of a prepared button and badge: a grid can ask for thousands of these at once.
  const parts = template(doc, texts).cloneNode(true) as DocumentFragment;
  const button = parts.firstChild as HTMLButtonElement;
  const badge = parts.lastChild as HTMLElement;
  button.setAttribute('data-order-no', key);
  for (const type of STOPPED) button.addEventListener(type, stop);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (!button.disabled && genuine(event, button)) onClick();
  });
  if (style) shadow.append(style);
  shadow.append(parts);
  let shownState: string | undefined;
  let shownProblem: string | undefined;
  let label = texts.notify;
  const title = () => {
    button.title = badge.hidden ? label : `${label} · ${badge.textContent}`;
  };
  return {
    key,
    host,
    setStatus(status) {
      // Rows are re-placed on every grid re-render: touch the DOM only when something changed.
      const state = status?.state;
      if (state === shownState) return;
      shownState = state;
      badge.hidden = !status;
      if (status) {
        badge.dataset.state = status.state;
        badge.textContent = texts.status[status.state];
      }
      title();
    },
    setProblem(problem) {
      if (problem === shownProblem) return;
      shownProblem = problem;
      button.disabled = !!problem;
      label = problem ? `${texts.notify}: ${problem}` : texts.notify;
      button.setAttribute('aria-label', label);
      title();
    },
  };
}
