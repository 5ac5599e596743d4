// Typed lint for the whole monorepo. `libs/domain` must stay framework-free: the rule below keeps it so.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
  {
    // Each lib owns its tables: SQL and TypeORM live in `*.repository.ts` (entities and modules may import TypeORM
    // too); services, controllers and processors call a repository, or another lib's service.
    // Kept before the libs/domain block: for a file both match, the later `no-restricted-imports` setting wins,
    // and the domain's own list (which bans these and more) must be the one that holds there.
    files: ['**/*.service.ts', '**/*.controller.ts', '**/*.processor.ts'],
    ignores: [
      // The platform's database module (migrations at boot) is where the connection itself lives.
      'libs/platform/src/database/**',
      // TODO(arch): pending move to repositories
      'libs/pipeline/src/applications/tracked-applications.service.ts',
      'libs/pipeline/src/policies/eligibility-policy.service.ts',
      'libs/pipeline/src/processing/application-pipeline.service.ts',
      'libs/pipeline/src/processing/ats-event.processor.ts',
      'libs/compensation/src/policies/fairness-policy.service.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message:
                "SQL lives in *.repository.ts: call a repository of this lib, or the owning lib's service.",
            },
            {
              name: '@nestjs/typeorm',
              message:
                "SQL lives in *.repository.ts: call a repository of this lib, or the owning lib's service.",
            },
          ],
          patterns: [
            {
              group: ['typeorm/*', '@nestjs/typeorm/*'],
              message:
                "SQL lives in *.repository.ts: call a repository of this lib, or the owning lib's service.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'pg',
                'bull',
                'ioredis',
                'express',
                'undici',
                'axios',
                'node:http',
                'node:https',
                'http',
                'https',
              ],
              message: 'libs/domain is plain TypeScript: no framework, database, queue or HTTP imports.',
            },
            { group: ['@comeback/*'], message: 'libs/domain depends on nothing else of ours.' },
          ],
        },
      ],
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
