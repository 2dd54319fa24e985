import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { ExtensionBrowser } from '../support/chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Badge lookups for 200 orders with keyed customer hashes (HMAC under the install's secret) against release
 * 1's salted hashes, measured in the same run in the extension's service worker, with 10,000 linked customers.
 */
export async function benchCustomerKey(ext: ExtensionBrowser): Promise<[string, string, boolean][]> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT.replace(/\/$/, ''), 'wxt/browser': '@wxt-dev/browser' } },
    build: {
      write: false,
      minify: false,
      lib: { entry: `${ROOT}tests/bench/customer-key-entry.ts`, formats: ['iife'], name: 'ordertalkCustomerKeyBundle' },
    },
  });
  const bundle = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  const sw = await ext.serviceWorker();
  await sw.evaluate(bundle.output[0]!.code!);
  const runs: { keyed: number; old: number }[] = [];
  for (let i = 0; i < 3; i++)
    runs.push((await sw.evaluate(`ordertalkCustomerKeyBench(10000, 20)`)) as { keyed: number; old: number });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const keyed = median(runs.map((r) => r.keyed));
  const old = median(runs.map((r) => r.old));
  const ratio = keyed / old;
  return [
    [
      'badge link lookup for 200 orders: keyed hash (HMAC) vs release 1 salted hash',
      `${keyed.toFixed(1)} ms vs ${old.toFixed(1)} ms: ratio ${ratio.toFixed(2)} (goal ≤ 2)`,
      ratio <= 2,
    ],
  ];
}
