import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { ExtensionBrowser } from '../support/chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const YEAR = 40 * 365; // an operator sending 40 notifications a day, with the default one-year retention

/**
 * A send's history bookkeeping (pending record before the request, outcome after) with a year of history
 * kept, against an empty history, in the same run: the shipped module in the extension's service worker.
 * Kept as one storage.local array (before), each send rewrote the whole history: ~8 s a send at this size.
 */
export async function benchHistory(ext: ExtensionBrowser): Promise<[string, string, boolean][]> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT.replace(/\/$/, ''), 'wxt/browser': '@wxt-dev/browser' } },
    build: { write: false, minify: false, lib: { entry: `${ROOT}tests/bench/history-entry.ts`, formats: ['iife'], name: 'ordertalkHistoryBenchBundle' } },
  });
  const bundle = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  const sw = await ext.serviceWorker();
  await sw.evaluate(bundle.output[0]!.code!);
  const run = (existing: number) => sw.evaluate(`ordertalkHistoryBench(${existing}, 20)`) as Promise<number>;
  const empty = [await run(0), await run(0), await run(0)];
  const year = [await run(YEAR), await run(YEAR)];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(year) / median(empty);
  return [
    [
      `history bookkeeping per send with a year of history (${YEAR.toLocaleString('en')} records)`,
      `${median(year).toFixed(1)} ms vs ${median(empty).toFixed(1)} ms with none: ratio ${ratio.toFixed(2)} (goal ≤ 2)`,
      ratio <= 2,
    ],
  ];
}
