import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// Same `@/` alias as WXT's generated tsconfig, for the projects that run without WxtVitest.
const resolve = { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } };

// Three projects, all run by `npm test`:
// - unit: modules and components in happy-dom with WXT's fake browser;
// - emulator: the Kakao emulator's own rules, in Node;
// - browser: the real production builds in Debian Chromium / Firefox ESR, one file at a time.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Vitest's default on a 2-core machine is one worker (cores − 1): the unit files then run one at a time and
    // take 2.5 min, mostly in setting up happy-dom and importing. Two workers: 1.6 min (measured here). The
    // browser files still run one at a time, after the others (groupOrder), so no test shares the machine
    // with a browser it is timing.
    maxWorkers: 2,
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/unit-setup.ts'],
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        resolve,
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['tests/kakao-emulator/**/*.test.ts', 'tests/solapi-emulator/**/*.test.ts'],
        },
      },
      {
        resolve,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          // One worker for all browser files, one after another: each file starts its own browser and servers,
          // so only the test modules are shared, and importing them once saves about 1.3 s a file.
          isolate: false,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
