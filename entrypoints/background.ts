export default defineBackground(() => {
  // Listeners must be registered synchronously so a restarted service worker still receives them.
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string })?.type === 'ping') return Promise.resolve({ ok: true });
    return undefined;
  });
});
