import { BAR_CSS } from './styles';
import { stop, STOPPED } from './row-button';

export interface BulkBar {
  update(count: number): void;
  remove(): void;
}

/**
 * The bottom and right edges of the part of this frame's viewport the operator can see. The seller center
 * sizes the order iframe to its content, so the frame's own bottom can lie far below the window: the frame
 * above (same origin) says how much of it shows. A frame we may not look into leaves the frame's viewport.
 */
function visibleBox(win: Window): [number, number] {
  let bottom = win.innerHeight;
  let right = win.innerWidth;
  try {
    const r = win.frameElement?.getBoundingClientRect();
    if (r) {
      bottom = Math.min(bottom, win.parent.innerHeight - r.top);
      right = Math.min(right, win.parent.innerWidth - r.left);
    }
  } catch {
    // a cross-origin parent: this frame's viewport it is
  }
  return [Math.max(bottom, 60), Math.max(right, 200)];
}

/** The floating "선택 주문 카톡 알림 (N)" button, shown while rows are ticked, always in the visible part of the page. */
export function createBulkBar(doc: Document, label: (n: number) => string, onClick: () => void): BulkBar {
  const win = doc.defaultView ?? window;
  const host = doc.createElement('ordertalk-bulk');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BAR_CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'ordertalk-bulk';
  for (const type of STOPPED) button.addEventListener(type, stop);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (event.isTrusted) onClick();
  });
  shadow.append(style, button);
  let frame = 0;
  const place = () => {
    frame = 0;
    const [bottom, right] = visibleBox(win);
    host.style.setProperty('top', `${bottom - 16}px`, 'important');
    host.style.setProperty('right', `${win.innerWidth - right + 16}px`, 'important');
  };
  const schedule = () => {
    frame ||= win.requestAnimationFrame(place);
  };
  // This frame and the one above it: scrolling or resizing either moves what shows.
  const listen = (on: boolean) => {
    for (const w of new Set([win, win.parent]))
      for (const type of ['scroll', 'resize'])
        try {
          w[on ? 'addEventListener' : 'removeEventListener'](type, schedule, true);
        } catch {
          // a cross-origin parent
        }
  };
  return {
    update(count) {
      if (count === 0) {
        if (host.isConnected) listen(false);
        host.remove();
        return;
      }
      button.textContent = label(count);
      if (!host.isConnected) {
        doc.documentElement.append(host);
        listen(true);
        place();
      }
    },
    remove: () => {
      listen(false);
      host.remove();
    },
  };
}
