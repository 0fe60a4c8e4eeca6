import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries (STYLE §11): shared imports neither side, the client never reaches the server,
// the SDK or SQLite, and the engine stays free of React, Express and SQLite.
const serverOrClient = ['**/server/**', '**/client/**'];
const serverOnly = ['@anthropic-ai/sdk', '@anthropic-ai/sdk/*', 'better-sqlite3', 'express', 'node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**', 'shared/validation/generated/**'] },
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
    // http/ is the outermost server layer: only the app factory (and main, which listens) mounts it.
    files: ['server/**/*.ts'],
    ignores: ['server/http/**', 'server/app.ts', 'server/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/http/**', './http/*'], message: 'Nothing below server/http imports it: throw a domain error (e.g. RunError) and let http/ map it.' }] }],
    },
  },
  {
    // Replaces the rule above for the engine (same rule, one list), so http/ stays in its list.
    // STYLE §16: outside a type's own modules, code asks what a node type declares (capabilities),
    // never which type it is. 'tool' and 'thinking' are left out: content blocks and tool_choice use them too.
    // build-request-params.ts still builds a claude-mode branch's request by type; moving that into the
    // branch runner (firstRequest) is the engine's next step.
    files: ['shared/**/*.ts', 'server/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    ignores: ['shared/nodes/**', 'server/engine/nodes/**', 'client/src/canvas/nodes/**', 'client/src/inspector/**', 'server/simulator/**', 'server/engine/build-request-params.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator=/^[!=]==$/]:has(> MemberExpression[property.name='type']):has(> Literal[value=/^(input|prompt|vision|branch|output)$/])",
          message: 'Ask the node spec what the type does (capabilitiesOf, callsClaude, routeLabels), not which type it is.',
        },
      ],
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
