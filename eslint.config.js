// Lint rules for the whole repository: typescript-eslint's recommended set, type-aware where cheap.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
);
