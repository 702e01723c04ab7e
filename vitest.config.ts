import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Projects:
 *  - unit: pure rules, no database;
 *  - db:pglite: every database and HTTP test on the embedded PGlite;
 *  - db:postgres: the same tests again on PostgreSQL, when TEST_DATABASE_URL is set (CI sets it);
 *  - quality:pglite / quality:postgres: the quality suites of quality/ (quick mode; see quality/support/mode.ts);
 *  - e2e: the browser flows in Debian's Chromium (skipped with a notice when it is not installed).
 */
const dbTests = ['apps/server/src/**/*.db.test.ts'];
const qualityTests = ['quality/**/*.quality.test.ts'];

export default defineConfig({
  resolve: {
    // Tests run on the sources of workspace packages, without building them first.
    alias: {
      '@climalog/compliance': fileURLToPath(new URL('./packages/compliance/src/index.ts', import.meta.url)),
      '@climalog/pdf': fileURLToPath(new URL('./packages/pdf/src/index.ts', import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/**/src/**/*.test.ts', 'packages/**/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db:pglite',
          include: dbTests,
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'db:postgres',
                include: dbTests,
                env: { TEST_DB: 'postgres' },
                globalSetup: ['apps/server/src/test-support/postgres-global-setup.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      // The quality suites (quality/): cross-tenant attack, fuzzing, crash consistency and load, in
      // their quick mode; QUALITY=full (npm run test:attack …) runs them at full size.
      {
        test: {
          name: 'quality:pglite',
          include: qualityTests,
          env: { TEST_DB: 'pglite' },
          globalSetup: ['e2e/support/build.ts'],
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'quality:postgres',
                include: qualityTests,
                env: { TEST_DB: 'postgres' },
                globalSetup: [
                  'e2e/support/build.ts',
                  'apps/server/src/test-support/postgres-global-setup.ts',
                ],
                testTimeout: 600_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/support/build.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
