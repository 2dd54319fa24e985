// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Where code runs decides what it may import (README, "Layout"). Content scripts run inside store admin
// pages and the popup must paint fast: neither loads background code or classic zod (`zod`; `zod/mini` is
// fine). Types cost nothing at run time, so `import type` of a classic-zod shape is allowed.
const background = {
  group: ['@/utils/background/*', '**/utils/background/*'],
  message: 'Background code runs only in the background.',
};
const content = {
  group: ['@/utils/content/*', '**/utils/content/*'],
  message: 'Content-script code runs only in store admin pages.',
};
const pages = {
  group: ['@/utils/pages/*', '**/utils/pages/*', '@/components/*'],
  message: 'Page code runs only in extension pages.',
};
const classicZod = [
  { name: 'zod', message: 'Use zod/mini here: classic zod is several times its size.', allowTypeImports: true },
  { name: 'zod/v4', message: 'Use zod/mini here.', allowTypeImports: true },
];
const classicZodModules = {
  group: [
    '@/utils/shared/protocol',
    '@/utils/shared/wire',
    '@/utils/shared/settings-schema',
    '@/utils/shared/templates',
  ],
  message: 'This module is written in classic zod: import its types only (`import type`).',
  allowTypeImports: true,
};
// Cross-folder imports are written `@/…`, so the rules above see every one of them.
const upward = {
  regex: '^\\.\\./',
  message: 'Import from another folder with @/… (lint checks where code runs by that path).',
};
const restrict = (...patterns) => ['error', { paths: [], patterns: [...patterns, upward] }];
const restrictSmall = (...patterns) => [
  'error',
  { paths: classicZod, patterns: [...patterns, classicZodModules, upward] },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'tests/fixtures/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { window: 'readonly', document: 'readonly', console: 'readonly' } },
    rules: {
      'no-undef': 'off', // TypeScript checks names (WXT's auto-imports among them)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  { files: ['utils/shared/**'], rules: { 'no-restricted-imports': restrict(background, content, pages) } },
  {
    files: ['utils/background/**', 'entrypoints/background.ts'],
    rules: { 'no-restricted-imports': restrict(content, pages) },
  },
  {
    files: ['utils/content/**', 'entrypoints/*.content.ts'],
    rules: { 'no-restricted-imports': restrictSmall(background, pages) },
  },
  {
    files: ['utils/pages/**', 'components/**', 'entrypoints/{options,compose,send-history}/**'],
    rules: { 'no-restricted-imports': restrict(background, content) },
  },
  {
    files: ['components/popup/**', 'entrypoints/popup/**', 'utils/pages/popup-client.ts'],
    rules: { 'no-restricted-imports': restrictSmall(background, content) },
  },
  { files: ['tests/**', 'scripts/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } }, // tests read arbitrary JSON
);
