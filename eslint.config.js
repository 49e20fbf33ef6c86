// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/** Node built-ins, by bare and `node:` name: shared/ must not import any of them. */
const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** What every file in shared/src may not import: Node built-ins, and the other workspaces. */
const sharedImports = {
  paths: nodeBuiltins.flatMap((name) => [
    { name, message: 'shared/ is pure: no Node built-ins.' },
    { name: `node:${name}`, message: 'shared/ is pure: no Node built-ins.' },
  ]),
  patterns: [
    { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
    {
      group: ['@hotline-sim/server', '@hotline-sim/client', '**/server/**', '**/client/**'],
      message: 'shared/ depends on nothing else in the repo.',
    },
  ],
};

/** shared/ rules plus the layering of a folder: import paths (regular expressions) it may not use, and why. */
const layered = (/** @type {{ regex: string, message: string }[]} */ extra) => [
  'error',
  { paths: sharedImports.paths, patterns: [...sharedImports.patterns, ...extra] },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      'coverage/**',
      '**/*.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The rules of hooks and the React Compiler's checks (the plugin's recommended set).
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The model is pure: no I/O, no wall clock, no global randomness, no DOM, no Node (DESIGN.md).
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', sharedImports],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'window',
          'document',
          'navigator',
          'localStorage',
          'fetch',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'require',
          'Buffer',
          '__dirname',
          'XMLHttpRequest',
          'WebSocket',
          'performance',
        ].map((name) => ({ name, message: 'shared/ is pure: inject it instead.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng from shared/src/random.' },
        { object: 'Date', property: 'now', message: 'Use the simulation clock.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the simulation clock.',
        },
      ],
    },
  },
  {
    // The model's layering (issue 12): a lifecycle stage knows the state, the hooks and the links the
    // wiring passes in; never another stage, an add-on or the wiring module.
    files: ['shared/src/hotline/stages/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': layered([
        {
          regex: '^\\./(?!stage-links$)',
          message: 'A stage does not import another stage: the wiring passes what it needs (stage-links.ts).',
        },
        {
          regex: '/(proactive|injects)/|(^|/)training/',
          message: 'Stages never import add-ons: add-ons act through hooks (hooks.ts).',
        },
        { regex: 'hotline-model$', message: 'Stages do not import the wiring module.' },
      ]),
    },
  },
  {
    // Reports read observations (hotline/observation.ts), never the model that makes them.
    files: ['shared/src/report/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': layered([
        {
          regex: '/hotline/(hotline-model|model-state|hooks)$|/hotline/(stages|proactive|injects|policies)/',
          message: 'report/ reads the observation types (hotline/observation.ts), not the model.',
        },
      ]),
    },
  },
  prettier,
);
