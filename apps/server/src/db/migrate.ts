import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same for every Climalog process on this database.
const MIGRATION_LOCK_KEY = 7_246_011;

export type MigrationResult = { applied: string[] };

/**
 * Forward-only migrations: every .sql file in migrations/, in name order, each in its own
 * transaction, recorded in schema_migrations. An advisory lock keeps two starting servers from
 * racing on a shared PostgreSQL.
 */
export async function runMigrations(db: Database, directory = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(directory)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(await readFile(`${directory}${file}`, 'utf8'));
      await tx.query('insert into schema_migrations (id) values ($1)', [file]);
      applied.push(file);
    }
  });
  return { applied };
}
