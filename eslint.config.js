// Layering rules of DESIGN.md section 1, enforced per folder (VS Code's layering rule is the model).
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'stream', 'stream/*', 'zlib',
  'http', 'https', 'net', 'url', 'util', 'events', 'buffer',
];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'imported text is data: render it as text' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, 'electron', 'better-sqlite3', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
      'shared/ runs in the renderer and the backend: no platform-specific imports'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([...NODE_BUILTINS, 'electron', 'better-sqlite3', '**/electron/**'],
      'the renderer is untrusted and sandboxed: only shared/, React and DOM libraries'),
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: restrict(['electron', '**/electron/main/**', '**/renderer/**'],
      'the backend runs in plain Node too (web host, CLI, tests): never import electron'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(['better-sqlite3', '**/backend/**', '**/renderer/**'],
      'the main process never touches the database: the backend runs in a utility process'),
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(['electron', '**/electron/main/**', '**/renderer/**'], 'hosts other than Electron never import electron'),
  },
);
