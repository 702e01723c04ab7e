import type { AppDeps } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { refreshBuildingForecasts, refreshInstallationForecasts } from './forecast-store.js';

const BATCH = 500;

/**
 * Recomputes every stored forecast of every account: run nightly, because dates pass and rule
 * versions start (e.g. a new regulation's rows become valid). Each batch is its own short
 * transaction, so the work never holds the database for long.
 */
export async function recomputeAllForecasts(
  deps: AppDeps,
  onProgress?: (done: number) => void,
): Promise<number> {
  const tenants = await deps.db.query<{ id: string }>('select id from tenants order by id');
  let done = 0;
  for (const { id: tenantId } of tenants) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const now = deps.now();
      const today = now.toISOString().slice(0, 10);
      const batch = await withTenant(deps.db, tenantId, async (tx) => {
        const rows = await tx.query<{ id: string }>(
          'select id from installations where tenant_id = $1 and id > $2 order by id limit $3',
          [tenantId, after, BATCH],
        );
        await refreshInstallationForecasts(
          tx,
          tenantId,
          rows.map((r) => r.id),
          today,
          now,
        );
        return rows;
      });
      if (batch.length === 0) break;
      done += batch.length;
      onProgress?.(done);
      after = batch.at(-1)!.id;
    }
    // Buildings without installations still get their (empty) energy-inspection state.
    await withTenant(deps.db, tenantId, async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `select b.id from buildings b where b.tenant_id = $1
           and not exists (select 1 from installations i where i.tenant_id = b.tenant_id and i.building_id = b.id)`,
        [tenantId],
      );
      const now = deps.now();
      await refreshBuildingForecasts(
        tx,
        tenantId,
        rows.map((r) => r.id),
        now.toISOString().slice(0, 10),
        now,
      );
    });
  }
  return done;
}
