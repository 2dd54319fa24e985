import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
}

export interface MainThreadTask {
  /** The whole task, ms. */
  ms: number;
  /** Style, layout, paint and compositing inside it (the page's rendering), ms. */
  renderingMs: number;
  /** Script (the page's and the extension's), microtasks and garbage collection inside it, ms. */
  scriptMs: number;
  /**
   * Garbage collection inside it (part of scriptMs), ms. The page and the content script share one heap: a
   * collection's length is the whole heap's (a 2,000-row grid's own data), whoever's allocation started it.
   */
  gcMs: number;
  /** The longest events inside it, for finding out what a long task was. */
  detail: string;
}

const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'UpdateLayer',
  'CompositeLayers',
]);
const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'RunMicrotasks',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'FireAnimationFrame',
  'TimerFire',
  'EventDispatch',
  'MinorGC',
  'MajorGC',
  'V8.GC_MC_INCREMENTAL',
  'V8.GCFinalizeMC',
]);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GC_MC_INCREMENTAL', 'V8.GCFinalizeMC']);
const START_MARK = 'ordertalk-bench-start';

/**
 * Main-thread tasks of a page while `run` works, from a Chromium trace, split into rendering and the rest.
 * Only tasks that start after `performance.mark('ordertalk-bench-start')` (set by `run`) count. The longtask
 * API cannot tell a content script's slice from the page's own layout of its table; the trace can.
 */
export async function traceTasks(cdp: CDPSession, run: () => Promise<void>): Promise<MainThreadTask[]> {
  const events: TraceEvent[] = [];
  const collect = (d: { value: unknown[] }) => void events.push(...(d.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
    transferMode: 'ReportEvents',
  } as never);
  await run();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);

  const mark = events.find((e) => e.name === START_MARK);
  if (!mark) throw new Error(`no ${START_MARK} mark in the trace`);
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = main.filter(
    (e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts >= mark.ts,
  );
  // Nested task events (RunTask inside ThreadControllerImpl::RunTask) describe the same work: keep the outermost.
  const outer = tasks.filter(
    (t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && o.dur! > t.dur!),
  );
  return outer.map((t) => {
    const end = t.ts + t.dur!;
    // Events nest (Paint in Paint, GC in a microtask): count only the outermost of each kind.
    const outermost = (kinds: Set<string>) => {
      const inside = main.filter((e) => kinds.has(e.name) && e.ts >= t.ts && e.ts + e.dur! <= end);
      const top = inside.filter(
        (e) =>
          !inside.some(
            (o) =>
              o !== e &&
              o.ts <= e.ts &&
              o.ts + o.dur! >= e.ts + e.dur! &&
              o.dur! >= e.dur! &&
              (o.dur! > e.dur! || o.ts < e.ts),
          ),
      );
      return top.reduce((sum, e) => sum + e.dur!, 0) / 1000;
    };
    const renderingMs = outermost(RENDERING);
    const scriptMs = outermost(SCRIPT);
    const gcMs = outermost(GC);
    const names = new Map<string, number>();
    for (const e of main)
      if (e !== t && e.ts >= t.ts && e.ts + e.dur! <= end) names.set(e.name, (names.get(e.name) ?? 0) + e.dur! / 1000);
    const detail =
      [...names]
        .filter(([, ms]) => ms > 1)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 14)
        .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
        .join(', ') +
      ' || ' +
      main
        .filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= end && e.dur! > 2000 && !/RunTask/.test(e.name))
        .slice(0, 10)
        .map(
          (e) =>
            `${e.name}${(e as { args?: { data?: { url?: string } } }).args?.data?.url ? `(${(e as unknown as { args: { data: { url: string } } }).args.data.url.split('/').pop()})` : ''} ${(e.dur! / 1000).toFixed(1)}`,
        )
        .join(', ');
    return { ms: t.dur! / 1000, renderingMs, scriptMs, gcMs, detail };
  });
}
