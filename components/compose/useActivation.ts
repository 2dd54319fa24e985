import { useEffect, useState } from 'preact/hooks';

/** How long the window must have been visible and focused before Send works (like a browser's install prompt). */
export const ACTIVATION_MS = 800;

/**
 * True once the window has been visible and focused for `delay` ms; false again the moment it loses focus or
 * is hidden, and the wait starts over when it comes back. A page that pops this window up (or covers it) and
 * steers a click onto Send therefore hits a disabled button.
 */
export function useActivation(delay = ACTIVATION_MS, doc: Document = document): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      timer = undefined;
      setActive(false);
    };
    const start = () => {
      stop();
      if (doc.visibilityState !== 'visible' || !doc.hasFocus()) return;
      timer = setTimeout(() => setActive(true), delay);
    };
    const onVisibility = () => (doc.visibilityState === 'visible' ? start() : stop());
    const win = doc.defaultView ?? window;
    win.addEventListener('focus', start);
    win.addEventListener('blur', stop);
    doc.addEventListener('visibilitychange', onVisibility);
    start();
    return () => {
      clearTimeout(timer);
      win.removeEventListener('focus', start);
      win.removeEventListener('blur', stop);
      doc.removeEventListener('visibilitychange', onVisibility);
    };
  }, [delay, doc]);
  return active;
}
