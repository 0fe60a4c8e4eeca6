import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries (STYLE §11): shared imports neither side, the client never reaches the server,
// the SDK or SQLite, and the engine stays free of React, Express and SQLite.
const serverOrClient = ['**/server/**', '**/client/**'];
const serverOnly = ['@anthropic-ai/sdk', '@anthropic-ai/sdk/*', 'better-sqlite3', 'express', 'node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-new-func': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: serverOrClient, message: 'shared/ is used by both sides and imports neither.' }, { group: serverOnly, message: 'shared/ must stay browser-safe.' }] }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The client talks to the server over HTTP only.' }, { group: serverOnly, message: 'The client never imports the SDK, SQLite or Node built-ins.' }] }],
    },
  },
  {
    // The simulator is the independent referee of what the engine sends (issue 11 §9): it keeps its
    // own model catalogue, written from the docs, and never reads the engine's.
    files: ['server/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/shared/models', '**/shared/claude-models', '**/shared/claude-models/**'], message: 'The simulator uses server/simulator/catalog, never the engine model tables.' }] }],
    },
  },
  {
    files: ['server/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'express', 'better-sqlite3', '**/store/**', '**/http/**', '**/cli/**'], message: 'The engine is a pure library: no React, Express or SQLite.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The engine takes its settings as deps, never from process.' }],
      'no-console': 'error',
    },
  },
);
