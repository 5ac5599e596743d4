// Typed lint for the whole monorepo. `libs/domain` must stay framework-free: the rule below keeps it so.
// Apps (`apps/*`) are thin entrypoints: they import libs only, never another app; libs never import an app
// and reach each other only through their `@comeback/*` aliases.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Nothing imports an app (relative `../../apps/...` or the baseUrl form `apps/...`): apps are entrypoints. */
const NO_APP_IMPORTS = {
  regex: '(^|/)apps/',
  message: 'Nothing imports an app: move the shared code into a lib under libs/ and import it as @comeback/<lib>.',
};
/**
 * A relative path into some `…/src` leaves this project's own src/ for another one's (`../../../api/src/x`,
 * `../../../registry/src/y`). Paths inside one's own src/ never name `src`.
 */
const NO_RELATIVE_INTO_OTHER_PROJECT = {
  regex: '^(\\.{1,2}/)+(.+/)?src(/|$)',
  message: 'Another app or lib is reached through its @comeback/* alias, never by a relative path into its src/.',
};
/** Same rule, other spellings: `../../../../libs/x` and tsconfig's baseUrl form `libs/x/src/...`. */
const NO_LIB_PATHS = {
  regex: '(^|/)libs/',
  message: 'Import a lib through its @comeback/* alias, not by its path in the repository.',
};
const PROJECT_BOUNDARIES = [NO_APP_IMPORTS, NO_RELATIVE_INTO_OTHER_PROJECT, NO_LIB_PATHS];
/**
 * Each lib owns its tables: SQL and TypeORM live in `*.repository.ts` (entities and modules may import TypeORM to
 * declare tables and register them); everything else calls a repository of its lib, or the owning lib's service.
 */
const SQL_IN_REPOSITORIES = {
  group: ['typeorm', 'typeorm/*', '@nestjs/typeorm', '@nestjs/typeorm/*'],
  message: "SQL lives in *.repository.ts: call a repository of this lib, or the owning lib's service.",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.config.js', '*.config.mjs', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Plain ES modules run by Node outside TypeScript (e.g. the OIDC provider the tests start): no type information.
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: PROJECT_BOUNDARIES }] },
  },
  {
    // A later `no-restricted-imports` for the same files replaces the earlier one, so the boundaries are repeated.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.entity.ts',
      '**/*.module.ts',
      '**/*.spec.ts',
      // The platform's database module: the connection, its options, migrations at boot.
      'libs/platform/src/database/**',
      // Benchmark and migration tooling drives the database directly on purpose.
      'apps/cli/src/commands/bench-*.command.ts',
      'apps/cli/src/commands/migrate.command.ts',
      'apps/cli/src/fixtures/pipeline-bench.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [...PROJECT_BOUNDARIES, SQL_IN_REPOSITORIES] }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_APP_IMPORTS] }] },
  },
  {
    // A later `no-restricted-imports` for the same files replaces the earlier one, so the boundaries are repeated.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...PROJECT_BOUNDARIES,
          { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'bull', 'ioredis', 'express', 'undici', 'axios', 'node:http', 'node:https', 'http', 'https'], message: 'libs/domain is plain TypeScript: no framework, database, queue or HTTP imports.' },
          { group: ['@comeback/*'], message: 'libs/domain depends on nothing else of ours.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
