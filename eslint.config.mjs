import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexpPlugin from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly', require: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Every regex in the product is checked for correctness and backtracking (ReDoS is also tested by recheck).
    ...regexpPlugin.configs['flat/recommended'],
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
  },
  {
    // The metrics webview's script runs in the browser, with the webview API.
    files: ['media/**/*.js'],
    languageOptions: { globals: { document: 'readonly', Element: 'readonly', acquireVsCodeApi: 'readonly' } },
  },
  {
    // The custom protocol follows vscode-eslint: one namespace per request with its method and type.
    files: ['server/src/protocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // The editor harness is plain Node: CommonJS inside VS Code's extension host (which loads suites and
    // extensions with require), ES modules for the runner and the provisioning script, the end-to-end test
    // and `npm run try`.
    files: ['test/editor/**/*.js', 'test/editor/**/*.mjs', 'test/e2e/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        module: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly',
        clearInterval: 'readonly', fetch: 'readonly', TextDecoder: 'readonly', describe: 'readonly', it: 'readonly',
        before: 'readonly', after: 'readonly', beforeEach: 'readonly', afterEach: 'readonly',
      },
    },
  },
  {
    files: ['test/editor/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is portable: no editor, connection or file-system imports.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', 'vscode-*', 'node:*', 'fs', 'path', 'child_process', 'os'] }],
    },
  },
);
