import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '@/components/popup/after-first-paint';

// A stand-in for the browser's PerformanceObserver with paint timing: `paint()` reports first-contentful-paint.
function installPaintObserver() {
  const observers: ((names: string[]) => void)[] = [];
  class FakeObserver {
    static supportedEntryTypes = ['paint', 'mark'];
    constructor(private readonly callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {}
    observe() {
      observers.push((names) => this.callback({ getEntriesByName: (n) => names.filter((x) => x === n) }));
    }
    disconnect() {}
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return { paint: (name: string) => observers.forEach((o) => o([name])) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('resolves at once where paint timing is not available', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    await expect(afterFirstPaint()).resolves.toBeUndefined();
  });

  it('waits for the first contentful paint, not any paint', async () => {
    const browser = installPaintObserver();
    let done = false;
    void afterFirstPaint(10_000).then(() => (done = true));
    browser.paint('first-paint');
    await Promise.resolve();
    expect(done).toBe(false);
    browser.paint('first-contentful-paint');
    await vi.waitFor(() => expect(done).toBe(true));
  });

  it('gives up waiting when no paint comes', async () => {
    vi.useFakeTimers();
    installPaintObserver();
    let done = false;
    void afterFirstPaint(150).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(149);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
