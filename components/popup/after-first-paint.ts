/**
 * Resolves once the page's first contentful paint has been reported, so work that is not on screen yet
 * (asking the background, loading more script) does not compete with that paint. Resolves at once where
 * paint timing is not available, and after `fallbackMs` if no paint comes (a page opened hidden).
 */
export function afterFirstPaint(fallbackMs = 150): Promise<void> {
  const Observer = globalThis.PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes('paint')) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    };
    const observer = new Observer((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    const timer = setTimeout(done, fallbackMs);
    observer.observe({ type: 'paint', buffered: true });
  });
}
