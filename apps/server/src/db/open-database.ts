import type { Config } from '../config.js';
import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';
import { join } from 'node:path';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database in DATA_DIR/pgdata. */
export async function openDatabase(
  config: Config,
  onBackgroundError: (error: unknown) => void,
): Promise<Database> {
  if (config.databaseUrl) {
    const db = openPostgresDatabase({
      connectionString: config.databaseUrl,
      onAfterCommitError: onBackgroundError,
    });
    await assertOwnerCanBypassRls(db);
    return db;
  }
  return openPgliteDatabase({
    dataDir: join(config.dataDir, 'pgdata'),
    onAfterCommitError: onBackgroundError,
  });
}

/**
 * Sign-in looks users up before the tenant is known, and operators create accounts; those run as
 * the connecting role, which therefore has to see past row-level security (superuser or BYPASSRLS).
 * Tenant work never does: it switches to climalog_app.
 */
async function assertOwnerCanBypassRls(db: Database): Promise<void> {
  const [role] = await db.query<{ rolsuper: boolean; rolbypassrls: boolean; rolname: string }>(
    'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
  );
  if (!role?.rolsuper && !role?.rolbypassrls) {
    await db.close();
    throw new Error(
      `The DATABASE_URL role ${role?.rolname ?? '?'} must be a superuser or have BYPASSRLS: it owns the schema ` +
        'and runs migrations and sign-in lookups. Tenant requests switch to the unprivileged role climalog_app.',
    );
  }
}
