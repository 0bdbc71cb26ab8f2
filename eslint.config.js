// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'stream',
  'http',
  'net',
];

/** Import rules per environment: imports go one way (see STYLE.md, "Boundaries"). */
const restrict = (/** @type {string[]} */ patterns, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

/** The renderer's own restrictions, plus the ones every renderer file has (one rule option list wins). */
const rendererLayer = (/** @type {{regex: string, message: string}[]} */ layers) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: [...nodeBuiltins, 'electron', '**/electron/**'],
          message: 'renderer/ talks to the workspace only through the API contract.',
        },
        ...layers,
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'samples/', 'test-results/', 'playwright-report/', '**/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
      'shared/ runs everywhere: it imports only shared/ and pure libraries.',
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [...nodeBuiltins, 'electron', '**/electron/**'],
      'renderer/ talks to the workspace only through the API contract.',
    ),
  },
  // Inside the renderer, layers run one way: app/ composes features; features use workbench/ (shared
  // state and routing) and ui/ (generic pieces); another feature only through its index.js.
  {
    files: ['renderer/features/**'],
    rules: rendererLayer([
      { regex: '(^|/)app/', message: 'A feature never imports app/, which composes the features.' },
      {
        regex: '^\\.\\./(?!\\.)[^/]+/(?!index\\.js$)',
        message: 'Another feature is used only through its index.js, never through its insides.',
      },
    ]),
  },
  {
    files: ['renderer/workbench/**'],
    rules: rendererLayer([
      { regex: '(^|/)(app|features)/', message: 'workbench/ sits below the features and app/.' },
    ]),
  },
  {
    files: ['renderer/ui/**'],
    rules: rendererLayer([
      {
        regex: '(^|/)(app|features|workbench)/',
        message: 'ui/ holds generic pieces that know no feature or state.',
      },
    ]),
  },
  {
    files: ['electron/**'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: restrict(
      ['electron', '**/renderer/**'],
      'Only electron/main and electron/preload import electron.',
    ),
  },
  {
    files: ['bin/**', 'scripts/**', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
