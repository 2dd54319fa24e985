import { BAR_CSS } from './styles';

export interface BulkBar {
  update(count: number): void;
  remove(): void;
}

/**
 * The part of this frame's viewport the operator can see. The seller center sizes the order iframe to its
 * content, so the frame's own bottom can lie far below the window: the frames above (same origin) say how
 * much of it shows. A frame we may not look into leaves the frame's own viewport.
 */
function visibleBox(win: Window): { bottom: number; right: number } {
  let bottom = win.innerHeight;
  let right = win.innerWidth;
  try {
    let top = 0;
    let left = 0;
    for (let w = win; w.parent !== w && w.frameElement; w = w.parent) {
      const frame = w.frameElement;
      const r = frame.getBoundingClientRect();
      top += r.top + frame.clientTop;
      left += r.left + frame.clientLeft;
      bottom = Math.min(bottom, w.parent.innerHeight - top);
      right = Math.min(right, w.parent.innerWidth - left);
    }
  } catch {
    // a cross-origin parent: this frame's viewport it is
  }
  return { bottom: Math.max(bottom, 60), right: Math.max(right, 200) };
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
  for (const type of ['pointerdown', 'mousedown'] as const) button.addEventListener(type, (e) => e.stopPropagation());
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (event.isTrusted) onClick();
  });
  shadow.append(style, button);
  let frame = 0;
  const place = () => {
    frame = 0;
    const { bottom, right } = visibleBox(win);
    host.style.setProperty('top', `${bottom - 16}px`, 'important');
    host.style.setProperty('right', `${win.innerWidth - right + 16}px`, 'important');
  };
  const schedule = () => {
    if (!frame && host.isConnected) frame = win.requestAnimationFrame(place);
  };
  const watched: Window[] = [];
  try {
    for (let w: Window = win; ; w = w.parent) {
      watched.push(w);
      if (w.parent === w || !w.frameElement) break;
    }
  } catch {
    // cross-origin above: watch what we may
  }
  const listen = (on: boolean) => {
    for (const w of watched)
      for (const type of ['scroll', 'resize'])
        try {
          if (on) w.addEventListener(type, schedule, { capture: true, passive: true });
          else w.removeEventListener(type, schedule, { capture: true });
        } catch {
          // gone
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
