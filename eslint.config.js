// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** What browser code may not import: build-only code (Node, the data compiler, zod). */
const BROWSER_BOUNDARY = {
  patterns: [
    { group: ['@build/*', '**/build/**', 'node:*'], message: 'src/lib and components run in the browser: build-only code lives in src/build.' },
    { group: ['astro/zod', 'zod'], message: 'zod stays at build time (src/build).' },
  ],
};

export default ts.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'test-reports/',
      'tests/artifacts/',
      'bench/tmp/',
      'tmp/',
      '.builds/',
      'public/embed/loader.js',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Tests poke at parsed JSON whose shape they are checking.
  { files: ['**/*.test.ts', 'tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.svelte', '**/*.svelte.ts'], languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } } },
  {
    // The browser side of the boundary. (The still-map renderer, src/lib/svg, uses Turf; it runs
    // at build time today but imports nothing that would stop it running in a browser.)
    files: ['src/lib/**/*.ts', 'src/components/**/*.svelte', 'src/components/**/*.ts', 'src/scripts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', BROWSER_BOUNDARY] },
  },
  {
    // The shared vocabulary is read by everything, so it stays light: no Turf either.
    files: ['src/lib/cartography/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BROWSER_BOUNDARY.patterns,
            { group: ['@turf/*', 'maplibre-gl'], message: 'The cartography vocabulary is plain data: no Turf, no MapLibre.' },
          ],
        },
      ],
    },
  },
);
