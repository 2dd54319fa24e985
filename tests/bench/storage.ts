import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { ExtensionBrowser } from '../support/chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const YEAR = 40 * 365; // an operator sending 40 notifications a day, with the default one-year retention

/**
 * A send's history bookkeeping (pending record before the request, outcome after) with a year of history
 * kept, against an empty history, in the same run: the shipped module in the extension's service worker.
 * Kept as one storage.local array (before), each send rewrote the whole history: ~8 s a send at this size.
 * Customer links likewise, against none: they were one storage.local map read whole for every badge batch.
 */
export async function benchStorage(ext: ExtensionBrowser): Promise<[string, string, boolean][]> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT.replace(/\/$/, ''), 'wxt/browser': '@wxt-dev/browser' } },
    build: {
      write: false,
      minify: false,
      lib: { entry: `${ROOT}tests/bench/storage-entry.ts`, formats: ['iife'], name: 'ordertalkStorageBenchBundle' },
    },
  });
  const bundle = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  const sw = await ext.serviceWorker();
  await sw.evaluate(bundle.output[0]!.code!);
  const run = (existing: number) => sw.evaluate(`ordertalkHistoryBench(${existing}, 40)`) as Promise<number>;
  // Interleaved, so a slower moment of the machine falls on both sides.
  const empty: number[] = [];
  const year: number[] = [];
  for (let i = 0; i < 3; i++) {
    empty.push(await run(0));
    year.push(await run(YEAR));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(year) / median(empty);

  // Customer links: a badge lookup for 200 orders and linking one customer, with 10,000 linked customers.
  const links = (existing: number) =>
    sw.evaluate(`ordertalkLinkBench(${existing})`) as Promise<{ lookup200: number; link: number }>;
  const none: { lookup200: number; link: number }[] = [];
  const many: { lookup200: number; link: number }[] = [];
  for (let i = 0; i < 3; i++) {
    none.push(await links(0));
    many.push(await links(10_000));
  }
  const lookup = [median(many.map((m) => m.lookup200)), median(none.map((m) => m.lookup200))] as const;
  const link = [median(many.map((m) => m.link)), median(none.map((m) => m.link))] as const;
  return [
    [
      'badge link lookup for 200 orders with 10,000 linked customers',
      `${lookup[0].toFixed(1)} ms vs ${lookup[1].toFixed(1)} ms with none: ratio ${(lookup[0] / lookup[1]).toFixed(2)} (goal ≤ 2)`,
      lookup[0] / lookup[1] <= 2,
    ],
    [
      'linking one customer with 10,000 linked customers',
      `${link[0].toFixed(1)} ms vs ${link[1].toFixed(1)} ms with none: ratio ${(link[0] / link[1]).toFixed(2)} (goal ≤ 2)`,
      link[0] / link[1] <= 2,
    ],
    [
      `history bookkeeping per send with a year of history (${YEAR.toLocaleString('en')} records)`,
      `${median(year).toFixed(1)} ms vs ${median(empty).toFixed(1)} ms with none: ratio ${ratio.toFixed(2)} (goal ≤ 2)`,
      ratio <= 2,
    ],
  ];
}
