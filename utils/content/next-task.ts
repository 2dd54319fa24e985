// A message to ourselves: a new task at once, not clamped like nested timers nor throttled in background tabs.
// Long work (reading a grid's rows, checking the page data's rows) yields with it so no task of ours reaches 50 ms.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Script time one slice of work may take before the page gets the main thread back (long tasks ≥ 50 ms). */
export const SLICE_MS = 12;
