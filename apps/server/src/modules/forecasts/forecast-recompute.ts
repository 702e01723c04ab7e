import type { AppDeps } from '../../context.js';
import type { Transaction } from '../../db/database.js';
import { letOthersRun } from '../../db/event-loop.js';
import { withTenant } from '../../db/tenant-scope.js';
import { refreshBuildingForecasts, storeInstallationForecasts } from './forecast-store.js';

const INSTALLATION_BATCH = 1000;
const BUILDING_BATCH = 200;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Runs `work` on batches of a tenant's installations or buildings (in id order), each batch in its
 * own short transaction, so the work never holds the database for long; returns how many there were.
 */
async function batches(
  deps: AppDeps,
  tenantId: string,
  table: 'installations' | 'buildings',
  size: number,
  work: (tx: Transaction, ids: string[], today: string, now: Date) => Promise<void>,
  afterBatch?: (count: number) => void,
): Promise<number> {
  let after = FIRST_ID;
  let count = 0;
  for (;;) {
    const now = deps.now();
    const today = now.toISOString().slice(0, 10);
    const ids = await withTenant(deps.db, tenantId, async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `select id from ${table} where tenant_id = $1 and id > $2 order by id limit $3`,
        [tenantId, after, size],
      );
      const batch = rows.map((r) => r.id);
      await work(tx, batch, today, now);
      return batch;
    });
    if (ids.length === 0) return count;
    count += ids.length;
    afterBatch?.(ids.length);
    await letOthersRun();
    after = ids.at(-1)!;
  }
}

/**
 * Recomputes every stored forecast of every account: run nightly, because dates pass and rule
 * versions start (e.g. a new regulation's rows become valid). The installations first, in batches,
 * then every building's energy inspection in batches of whole buildings (also those without
 * installations), so each installation is read and evaluated a bounded number of times.
 */
export async function recomputeAllForecasts(
  deps: AppDeps,
  onProgress?: (done: number) => void,
): Promise<number> {
  const tenants = await deps.db.query<{ id: string }>('select id from tenants order by id');
  let done = 0;
  for (const { id: tenantId } of tenants) {
    // Installations in id order; their buildings after them, each building once.
    await batches(
      deps,
      tenantId,
      'installations',
      INSTALLATION_BATCH,
      (tx, ids, today, now) =>
        storeInstallationForecasts(tx, tenantId, ids, today, now).then(() => undefined),
      (count) => {
        done += count;
        onProgress?.(done);
      },
    );
    await batches(deps, tenantId, 'buildings', BUILDING_BATCH, (tx, ids, today, now) =>
      refreshBuildingForecasts(tx, tenantId, ids, today, now),
    );
  }
  return done;
}
