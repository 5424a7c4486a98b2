// Lint rules for the whole repository: typescript-eslint's recommended set, and the layout's import rules (CONTRIBUTING.md, "The layout").
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** Lit stays in the frame's element: the client and the bridge load on pages that never show it. */
const noLit = { group: ['lit', 'lit/*', '@lit/*'], message: 'the client and the bridge never load Lit (only widget/frame/ does)' };
const noServer = { regex: '^(\\.\\./)+server/', message: 'browser code never imports server/: move what both use to widget/shared/' };
/** A browser program other than the importer's own, by its folder. */
const program = (names) => ({
  regex: `^(\\.\\./)+(${names.join('|')})/`,
  message: 'browser programs share code only through widget/shared/',
});

export default tseslint.config(
  // demo/trackers/vendor holds a third-party tracker, byte for byte as published.
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'demo/trackers/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No pattern may backtrack more than linearly: a value up to a parameter's length cap must never freeze the host (issue 34); the tests' and docs' own helpers read only our files.
    files: ['widget/**', 'server/**', 'request/**', 'export/**'],
    ignores: ['**/*.test.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
  {
    // Every function reads at once; tests are lists of cases and may run longer.
    files: ['**/*.ts', '**/*.js'],
    ignores: ['**/*.test.ts', '**/*.spec.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, IIFEs: true }] },
  },
  // The layout: each folder's imports (one config object per folder, so no rule is set twice for a file).
  {
    files: ['widget/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(frame|bridge|client|builder|server)/',
              message: 'widget/shared/ imports nothing from the programs or the server',
            },
            { group: ['lit', 'lit/*', 'node:*', 'express'], message: 'widget/shared/ is pure: it runs in the browser and in the server' },
          ],
        },
      ],
    },
  },
  {
    // No side effects: importing a shared module only declares things.
    files: ['widget/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > :not(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration, ExportDefaultDeclaration, VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSInterfaceDeclaration, TSTypeAliasDeclaration, TSEnumDeclaration)',
          message: 'widget/shared/ modules have no side effects: declarations only',
        },
        {
          selector: 'ImportDeclaration[specifiers.length=0]',
          message: 'widget/shared/ modules have no side effects: no import for its effects',
        },
      ],
    },
  },
  {
    files: ['widget/frame/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer, program(['bridge', 'client', 'builder'])] }] },
  },
  {
    // The bridge is the frame document without the element: it runs the frame's choice and messenger (no Lit).
    files: ['widget/bridge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noServer,
            noLit,
            program(['client', 'builder']),
            {
              regex: '^\\.\\./frame/(?!(choice-layers|frame-messenger|static-boot)\\.js$)',
              message: "the bridge uses only the frame's choice, messenger and static boot (no element, no Lit)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['widget/client/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer, noLit, program(['frame', 'bridge', 'builder'])] }] },
  },
  {
    files: ['widget/builder/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer, program(['frame', 'bridge', 'client'])] }] },
  },
  {
    // optout-frame/request runs in Node, Deno, Bun and edge runtimes: no dependency, no Node module, nothing but widget/shared/.
    files: ['request/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(?!widget/shared/)', message: 'request/ imports only widget/shared/' },
            {
              group: ['node:*', 'express', 'lit', 'lit/*'],
              message: 'request/ has no dependencies: it runs in Node, Deno, Bun and edge runtimes',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+widget/(?!shared/)',
              message: 'the server imports only widget/shared/ (and the built assets), never a browser program',
            },
            { group: ['lit', 'lit/*'], message: 'the server renders HTML as text; Lit runs in the frame only' },
          ],
        },
      ],
    },
  },
);
