import { inject } from 'vitest';
import type { Database } from '../db/database.js';
import { openPgliteDatabase } from '../db/pglite-database.js';
import { openPostgresDatabase } from '../db/postgres-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTestUrl: string | undefined;
  }
}

/** Which database this test project runs on: the embedded PGlite, or the PostgreSQL of TEST_DATABASE_URL. */
export const TEST_DB_KIND: 'pglite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * A database for one test file. PGlite: a fresh in-memory instance. PostgreSQL: the database
 * created for this test run (see postgres-global-setup.ts); tests never collide because each
 * creates its own tenants.
 */
export async function openTestDatabase(): Promise<Database> {
  if (TEST_DB_KIND === 'postgres') {
    const url = inject('postgresTestUrl');
    if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (see vitest.config.ts)');
    return openPostgresDatabase({ connectionString: url, max: 4 });
  }
  return openPgliteDatabase({});
}
