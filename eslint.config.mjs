// One lint config: type-aware rules everywhere, no I/O in deterministic code (workflows, machines), and
// imports between our folders in one direction: domain ← machines ← workflows / activities ← api / worker.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ioModules = ['pg', '@electric-sql/pglite', 'express', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'ws', 'jose'];
const noIo = [...nodeBuiltins, ...ioModules].map((name) => ({
  name,
  message: 'Deterministic code (workflows, machines, domain) must not do I/O: use an activity.',
}));

const ourFolders = ['domain', 'machines', 'workflows', 'activities', 'store', 'config', 'api', 'worker', 'scripts'];
/** Of our folders, those each layer may import (docs/architecture.md, "Layers and folders"); api, worker, scripts: any. */
const mayImport = {
  domain: [],
  machines: ['domain'],
  workflows: ['machines', 'domain'],
  activities: ['store', 'machines', 'domain'],
  store: ['domain'],
  config: ['domain'],
};
/** Imports of a folder of ours that `folder` may not use (a relative path climbing into it). */
function folderPatterns(folder) {
  return ourFolders
    .filter((other) => other !== folder && !mayImport[folder].includes(other))
    .map((other) => ({
      regex: `^(\\.\\./)+${other}(/|$)`,
      message: `${folder}/ may import ${mayImport[folder].length ? `only ${mayImport[folder].map((f) => `${f}/`).join(', ')}` : 'none of our folders'}: imports go domain ← machines ← workflows / activities ← api / worker.`,
      // A workflow may name an activity's types (proxyActivities<typeof ...>), never run its code.
      ...(folder === 'workflows' && other === 'activities' ? { allowTypeImports: true } : {}),
    }));
}
const deterministic = new Set(['domain', 'machines', 'workflows']);

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'jest.config.js', 'web/dist/**', 'worker/dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.keys(mayImport).map((folder) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: deterministic.has(folder) ? noIo : [], patterns: folderPatterns(folder) },
      ],
    },
  })),
  {
    // Jest's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // The web application runs in the browser; it reaches the service only through its HTTP API.
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(domain|store|activities|workflows|worker|config|scripts|api/(?!openapi/types))', message: 'The web application talks to the service over HTTP (api/openapi/types.ts types its client); it may import machines/ only.' }] },
      ],
    },
  },
  { files: ['eslint.config.mjs'], ...tseslint.configs.disableTypeChecked },
  // ESM scripts run by node in a process of their own (an ESM-only package): plain JavaScript, outside the TypeScript project.
  { files: ['scripts/**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // CommonJS preloaded with `node --require` before any TypeScript is compiled (worker/workflow-thread-preload.cjs).
  {
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'commonjs', globals: globals.node, parserOptions: { projectService: false } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
