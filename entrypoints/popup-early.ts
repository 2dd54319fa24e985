import { browser } from 'wxt/browser';

// Loaded by popup.html as a plain script, ahead of the popup's modules: it starts the popup's one storage
// read while the rest of its script is still loading, so the display cache is ready when the popup first
// renders. The value is validated by readPopupCache (components/popup/popup-cache.ts) before it is shown.
export default defineUnlistedScript(() => {
  (globalThis as { ordertalkPopupCache?: Promise<unknown> }).ordertalkPopupCache = browser.storage.local
    .get('popupCache')
    .then((r) => r.popupCache)
    .catch(() => undefined);
});
