// Replaces WXT's ContentScriptContext in our isolated-world content scripts (wxt.config.ts, slimContentContext):
// its location watcher, timers and wrappers cost ~2.5 kB in every script on every admin page, and the scripts
// use only `ctx.signal` (nothing else of WXT's context is here). What stays: the signal aborts when a newer copy of the same script starts in this
// page (the extension was reloaded or updated).
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly signal: AbortSignal;

  constructor(name: string) {
    const controller = new AbortController();
    this.signal = controller.signal;
    const type = `${browser.runtime?.id}:${name}:started`;
    const id = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(type, { detail: id }));
    const newer = (event: Event) => {
      if ((event as CustomEvent).detail !== id) {
        document.removeEventListener(type, newer);
        controller.abort();
      }
    };
    document.addEventListener(type, newer);
  }
}
