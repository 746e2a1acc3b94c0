// Lint also enforces the dependency rule (docs/ARCHITECTURE.md):
//  - packages/domain imports nothing from the repository and does no I/O;
//  - apps/web never imports the server;
//  - only repository files (*.repository.ts, src/db/) touch SQL / the database driver.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:net', 'node:http', 'node:child_process', 'node:worker_threads'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/drizzle/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@kringbouw/server', '@kringbouw/server/*', '**/apps/server/**', '../../server/**'], message: 'The web app never imports the server; use @kringbouw/contracts.' },
          { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'], message: 'The web app has no database access.' },
        ],
      }],
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'packages/domain is pure: no I/O.' })),
        patterns: [
          { group: ['@kringbouw/*', '../../../*', '**/apps/**'], message: 'packages/domain imports nothing from the repository.' },
          { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'fastify', 'react'], message: 'packages/domain uses no framework or database.' },
        ],
      }],
    },
  },
  {
    // Build scripts of the domain package (profile library, JSON Schema) read and write files; the library code does not.
    files: ['packages/domain/scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/**/*.repository.ts', 'apps/server/src/db/**', 'apps/server/src/**/*.test.ts', 'apps/server/test/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'], message: 'Only repository files (*.repository.ts) and src/db touch SQL.' },
        ],
      }],
    },
  },
);
