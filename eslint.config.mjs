// ESLint (typescript-eslint) for the whole repo, run by `npm test`. Besides the
// recommended rules it holds the layers apart: the core and the finder are
// pure (no vscode, Node or DOM imports; the core imports nothing outside
// itself, the finder only the core), the webview reaches the host only through
// src/protocol, and the extension knows nothing of plotting.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*'],
  message: 'the core and the finder run in web workers and the webview too: no Node APIs',
};
const vscodeApi = { name: 'vscode', message: 'only src/extension may use the VS Code API' };
const outside = (layer, allowed) => ({
  group: ['../*', ...allowed.map((a) => `!../${a}`), ...allowed.map((a) => `!../${a}/*`)],
  message: `${layer} imports nothing outside itself${allowed.length ? ` except ${allowed.map((a) => `src/${a}`).join(', ')}` : ''}`,
});

export default tseslint.config(
  // demo/ is the sample workspace `npm start` opens: the user's kind of code, not ours.
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.test-output/**', '.vscode-test/**', 'demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeApi], patterns: [nodeBuiltins, outside('src/core', [])] }],
    },
  },
  // Subfolders of the core (src/core/emulate) reach the core's modules by ../ but nothing outside it.
  {
    files: ['src/core/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeApi],
          patterns: [nodeBuiltins, { group: ['../../*'], message: 'src/core imports nothing outside itself' }],
        },
      ],
    },
  },
  {
    files: ['src/parse/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [vscodeApi], patterns: [nodeBuiltins, outside('src/parse', ['core'])] },
      ],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [vscodeApi], patterns: [nodeBuiltins, outside('src/protocol', ['core'])] },
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeApi],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/src/extension', '**/src/extension/*', '**/src/parse', '**/src/parse/*'],
              message: 'the webview reaches the host only through src/protocol',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['d3-*', '@vscode-elements/*', '**/webview', '**/webview/*'],
              message: 'the extension knows nothing of plotting: the webview draws',
            },
          ],
        },
      ],
    },
  },
  // TypeScript checks names itself; the build and test scripts are plain Node modules.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
);
