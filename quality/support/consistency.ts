import { join } from 'node:path';
import type { Environment } from '../../bench/lib/environment.mjs';
import type { Database, Queryable } from '../../apps/server/src/db/database.js';
import { openPgliteDatabase } from '../../apps/server/src/db/pglite-database.js';
import { openPostgresDatabase } from '../../apps/server/src/db/postgres-database.js';
import { enterTenant } from '../../apps/server/src/db/tenant-scope.js';
import { refreshInstallationForecasts } from '../../apps/server/src/modules/forecasts/forecast-store.js';
import { databaseTarget } from './real-server.js';

/**
 * What must hold in a database whatever happened to the server process: checked straight in the
 * database (as its owner) after a crash.
 */

/**
 * The environment's database opened as the server opens it (its drivers and value parsers), as
 * its owner. The embedded database belongs to one process: the server is stopped meanwhile and
 * started again afterwards.
 */
export async function withServerDatabase<T>(
  environment: Environment,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const target = databaseTarget();
  if (target.kind === 'pglite') {
    await environment.server().stop();
    const db = await openPgliteDatabase({ dataDir: join(environment.dataDir, 'pgdata') });
    try {
      return await fn(db);
    } finally {
      await db.close();
      await environment.restart();
    }
  }
  const [row] = await environment.withSql((sql) =>
    sql.query<{ name: string }>('select current_database() as name'),
  );
  const url = new URL(target.serverUrl);
  url.pathname = `/${row!.name}`;
  const db = openPostgresDatabase({ connectionString: url.toString(), max: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Supply cylinders whose content is not what their recorded movements add up to. */
export async function cylinderBalanceMismatches(sql: Queryable, tenantId: string) {
  return sql.query<{
    id: string;
    content_kg: number;
    movements_kg: number;
    withdrawn_by_activities_kg: number;
  }>(
    `select c.id, c.content_kg::float8 as content_kg,
            coalesce((select sum(m.delta_kg) from cylinder_movements m
                       where m.tenant_id = c.tenant_id and m.cylinder_id = c.id), 0)::float8 as movements_kg,
            coalesce((select sum(a.quantity_kg) from activities a
                       where a.tenant_id = c.tenant_id and a.cylinder_id = c.id and a.type = 'refrigerant_added'), 0)::float8
              as withdrawn_by_activities_kg,
            c.capacity_kg::float8 as capacity_kg
       from cylinders c
      where c.tenant_id = $1
        and (abs(c.content_kg - $2::numeric - coalesce((select sum(m.delta_kg) from cylinder_movements m
                                        where m.tenant_id = c.tenant_id and m.cylinder_id = c.id), 0)) > 0.0005
          or abs(coalesce((select sum(m.delta_kg) from cylinder_movements m
                            where m.tenant_id = c.tenant_id and m.cylinder_id = c.id), 0)
               + coalesce((select sum(a.quantity_kg) from activities a
                            where a.tenant_id = c.tenant_id and a.cylinder_id = c.id
                              and a.type = 'refrigerant_added'), 0)) > 0.0005)`,
    [tenantId, INITIAL_CONTENT_KG],
  );
}

/** What the fixtures fill each supply cylinder with (bench/lib/fixtures.mjs). */
export const INITIAL_CONTENT_KG = 60;

/**
 * Installations whose stored forecasts differ from what recomputing them now gives (recomputed in
 * a transaction that is rolled back).
 */
export async function staleForecasts(db: Database, tenantId: string): Promise<string[]> {
  let differences: string[] = [];
  const rollback = new Error('rollback');
  await db
    .transaction(async (sql) => {
      differences = await compareWithRecompute(sql, tenantId);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return differences;
}

async function compareWithRecompute(sql: Queryable, tenantId: string): Promise<string[]> {
  const read = async () =>
    new Map(
      (
        await sql.query<{ key: string; value: string }>(
          `select installation_id || ' ' || type as key,
                  concat_ws(' ', status, due_on::text, base_date::text, interval_months::text, array_to_string(missing, ',')) as value
             from forecasts where tenant_id = $1 and installation_id is not null`,
          [tenantId],
        )
      ).map((r) => [r.key, r.value]),
    );
  {
    const stored = await read();
    await enterTenant(sql, tenantId);
    const ids = (
      await sql.query<{ id: string }>('select id from installations where tenant_id = $1', [tenantId])
    ).map((r) => r.id);
    const now = new Date();
    await refreshInstallationForecasts(sql, tenantId, ids, now.toISOString().slice(0, 10), now);
    const recomputed = await read();
    const keys = new Set([...stored.keys(), ...recomputed.keys()]);
    return [...keys]
      .filter((k) => stored.get(k) !== recomputed.get(k))
      .map((k) => `${k}: stored ${stored.get(k) ?? '—'}, recomputed ${recomputed.get(k) ?? '—'}`);
  }
}
