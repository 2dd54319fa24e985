import type { OrderStatus } from '@/utils/shared/protocol';
import { ROW_CSS } from './styles';

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

const templates = new WeakMap<Document, DocumentFragment>();

function template(doc: Document, texts: RowTexts): DocumentFragment {
  let parts = templates.get(doc);
  if (!parts) {
    parts = doc.createDocumentFragment();
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = texts.notify;
    button.setAttribute('data-testid', 'ordertalk-notify');
    const badge = doc.createElement('span');
    badge.className = 'badge';
    badge.setAttribute('data-testid', 'ordertalk-status');
    badge.hidden = true;
    parts.append(button, badge);
    templates.set(doc, parts);
  }
  return parts;
}

export interface RowTexts {
  notify: string;
  /** Why a customer is not reachable, in the operator's language. */
  reason: (status: OrderStatus) => string | undefined;
  status: Record<OrderStatus['state'], string>;
}

export interface RowHandle {
  key: string;
  host: HTMLElement;
  setStatus(status: OrderStatus | undefined): void;
  /** A row that cannot be read gets a disabled button with the reason on hover. */
  setProblem(problem: string | undefined): void;
}

/**
 * The button (and badge) for one row, in an open shadow root. Only a trusted click counts: a page script
 * calling click() or dispatching events gets nothing.
 */
export function createRowButton(doc: Document, key: string, texts: RowTexts, onClick: () => void): RowHandle {
  const host = doc.createElement(ROW_HOST);
  host.setAttribute('data-key', key);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = sharedStyle(doc, shadow);
  // One clone of a prepared button and badge: a grid can ask for thousands of these at once.
  const parts = template(doc, texts).cloneNode(true) as DocumentFragment;
  const button = parts.firstChild as HTMLButtonElement;
  const badge = parts.lastChild as HTMLElement;
  button.setAttribute('data-order-no', key);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (event.isTrusted && !button.disabled) onClick();
  });
  if (style) shadow.append(style);
  shadow.append(parts);
  let shownState: string | undefined;
  let shownProblem: string | undefined;
  return {
    key,
    host,
    setStatus(status) {
      // Rows are re-placed on every grid re-render: touch the DOM only when something changed.
      const reason = status && texts.reason(status);
      const state = status && `${status.state}\u0000${reason}`;
      if (state === shownState) return;
      shownState = state;
      badge.hidden = !status;
      if (!status) return;
      badge.dataset.state = status.state;
      badge.textContent = texts.status[status.state];
      badge.title = reason ?? '';
    },
    setProblem(problem) {
      if (problem === shownProblem) return;
      shownProblem = problem;
      button.disabled = !!problem;
      if (problem) {
        button.title = problem;
        button.setAttribute('aria-label', `${texts.notify}: ${problem}`);
      } else {
        button.removeAttribute('title');
        button.removeAttribute('aria-label');
      }
    },
  };
}
