import type { OrderStatus } from '@/utils/messaging/protocol';
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

export interface RowTexts {
  notify: string;
  status: Record<OrderStatus['state'], string>;
}

export interface RowHandle {
  host: HTMLElement;
  setStatus(status: OrderStatus | undefined): void;
}

/**
 * The button (and badge) for one row, in an open shadow root. Only a trusted click counts: a page script
 * calling click() or dispatching events gets nothing.
 */
export function createRowButton(
  doc: Document,
  key: string,
  texts: RowTexts,
  onClick: () => void,
  problem?: string,
): RowHandle {
  const host = doc.createElement(ROW_HOST);
  host.dataset.key = key;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = sharedStyle(doc, shadow);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = texts.notify;
  button.dataset.testid = 'ordertalk-notify';
  button.dataset.orderNo = key;
  if (problem) {
    button.disabled = true;
    button.title = problem;
    button.setAttribute('aria-label', `${texts.notify}: ${problem}`);
  }
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (event.isTrusted && !button.disabled) onClick();
  });
  const badge = doc.createElement('span');
  badge.className = 'badge';
  badge.dataset.testid = 'ordertalk-status';
  badge.hidden = true;
  shadow.append(...(style ? [style] : []), button, badge);
  return {
    host,
    setStatus(status) {
      badge.hidden = !status;
      if (!status) return;
      badge.dataset.state = status.state;
      badge.textContent = texts.status[status.state];
      badge.title = status.reasonKo ?? '';
    },
  };
}
