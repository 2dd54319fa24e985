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
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
