import { gwpOn } from '@climalog/compliance';
import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { decodeCursor, pageFrom } from '../../http/cursor.js';
import { forbidden } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { missingEssentials } from '../installations/installation-facts.js';
import type { InstallationRow } from '../installations/installations.repository.js';
import { isManagerOrAbove } from '../users/roles.js';

/** Technicians have no reports (PRODUCT.md §1). */
function assertCanReport(ctx: ServiceContext) {
  if (!isManagerOrAbove(ctx.principal)) throw forbidden('Reports are for managers and administrators.');
}

// The same rules as missingEssentials, in SQL, so the report pages through only incomplete rows.
const INCOMPLETE = `(i.kind is null
  or (i.kind in ('refrigeration', 'air_conditioning', 'heat_pump') and (i.refrigerant is null or i.charge_kg is null
      or i.hermetically_sealed is null or i.leak_detection_system is null or i.cooling_capacity_kw is null or i.comfort_cooling is null))
  or (i.kind = 'heating' and (i.heating_fuel is null or i.heating_capacity_kw is null))
  or (i.commissioned_on is null and i.forecast_start_on is null))`;

export type IncompleteItem = {
  installationId: string;
  reference: string;
  kind: string | null;
  customerId: string;
  customerName: string;
  locationId: string;
  token: string;
  missing: string[];
};

type Filter = { customerId?: string | undefined; locationId?: string | undefined };

async function incompleteRows(
  deps: AppDeps,
  ctx: ServiceContext,
  filter: Filter,
  after: readonly [string, string] | undefined,
  limit: number,
) {
  return withTenant(deps.db, ctx.tenantId, (tx) =>
    tx.query<InstallationRow & { sort_key: string }>(
      `select i.*, c.name as customer_name, lower(c.name) || ' ' || i.id::text as sort_key
         from installations i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
        where i.tenant_id = $1 and i.archived_at is null and ${INCOMPLETE}
          and ($2::uuid is null or i.customer_id = $2::uuid) and ($3::uuid is null or i.location_id = $3::uuid)
          and ($4::text is null or (lower(c.name) || ' ' || i.id::text) > $4)
        order by lower(c.name) || ' ' || i.id::text limit $5`,
      [ctx.tenantId, filter.customerId ?? null, filter.locationId ?? null, after?.[0] ?? null, limit],
    ),
  );
}

const toItem = (r: InstallationRow): IncompleteItem => ({
  installationId: r.id,
  reference: r.reference,
  kind: r.kind,
  customerId: r.customer_id,
  customerName: r.customer_name,
  locationId: r.location_id,
  token: r.token,
  missing: missingEssentials(r),
});

/** Installations whose essential data is incomplete, and which fields each lacks. */
export async function incompleteInstallations(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Filter & { limit: number; cursor?: string | undefined },
) {
  assertCanReport(ctx);
  const after = decodeCursor(query.cursor, ['string', 'string'] as const);
  const rows = await incompleteRows(deps, ctx, query, after, query.limit + 1);
  return pageFrom(rows, query.limit, toItem, (r) => [r.sort_key, r.id]);
}

export async function* exportIncompleteInstallations(
  deps: AppDeps,
  ctx: ServiceContext,
  filter: Filter,
): AsyncGenerator<IncompleteItem[]> {
  assertCanReport(ctx);
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      {
        action: 'export.created',
        entityType: 'export',
        details: { resource: 'incomplete_installations', format: 'xlsx' },
      },
      deps.now(),
    ),
  );
  let after: [string, string] | undefined;
  for (;;) {
    const rows = await incompleteRows(deps, ctx, filter, after, 1000);
    if (rows.length === 0) return;
    yield rows.map(toItem);
    after = [rows.at(-1)!.sort_key, rows.at(-1)!.id];
  }
}

export type BalanceLine = {
  refrigerant: string;
  addedKg: number;
  recoveredKg: number;
  addedCo2eTonnes: number | null;
  recoveredCo2eTonnes: number | null;
  months: Array<{ month: number; addedKg: number; recoveredKg: number }>;
};

/**
 * Refrigerant added and recovered per refrigerant in one calendar year (executed work only), in kg
 * and t CO2e — each quantity with the GWP in force on the day of the work.
 */
export async function refrigerantBalance(
  deps: AppDeps,
  ctx: ServiceContext,
  year: number,
): Promise<{ year: number; lines: BalanceLine[] }> {
  assertCanReport(ctx);
  const rows = await withTenant(deps.db, ctx.tenantId, (tx) =>
    tx.query<{ refrigerant: string; type: string; executed_on: string; month: number; kg: number }>(
      `select a.refrigerant, a.type, w.executed_on::text as executed_on, extract(month from w.executed_on)::int as month, sum(a.quantity_kg) as kg
         from activities a join work_orders w on w.tenant_id = a.tenant_id and w.id = a.work_order_id
        where a.tenant_id = $1 and w.status = 'executed' and a.type in ('refrigerant_added', 'refrigerant_recovered')
          and w.executed_on >= make_date($2, 1, 1) and w.executed_on < make_date($2 + 1, 1, 1)
        group by a.refrigerant, a.type, w.executed_on
        order by a.refrigerant`,
      [ctx.tenantId, year],
    ),
  );
  const lines = new Map<string, BalanceLine>();
  for (const r of rows) {
    const line =
      lines.get(r.refrigerant) ??
      ({
        refrigerant: r.refrigerant,
        addedKg: 0,
        recoveredKg: 0,
        addedCo2eTonnes: 0,
        recoveredCo2eTonnes: 0,
        months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, addedKg: 0, recoveredKg: 0 })),
      } as BalanceLine);
    const gwp = gwpOn(r.refrigerant, r.executed_on);
    const co2e = gwp === null ? null : (gwp * r.kg) / 1000;
    const month = line.months[r.month - 1]!;
    if (r.type === 'refrigerant_added') {
      line.addedKg += r.kg;
      month.addedKg += r.kg;
      line.addedCo2eTonnes =
        line.addedCo2eTonnes === null || co2e === null ? null : line.addedCo2eTonnes + co2e;
    } else {
      line.recoveredKg += r.kg;
      month.recoveredKg += r.kg;
      line.recoveredCo2eTonnes =
        line.recoveredCo2eTonnes === null || co2e === null ? null : line.recoveredCo2eTonnes + co2e;
    }
    lines.set(r.refrigerant, line);
  }
  // Sums of decimal kilograms: rounded to grams so 0.1 + 0.2 reads 0.3.
  const grams = (v: number) => Math.round(v * 1000) / 1000;
  return {
    year,
    lines: [...lines.values()].map((l) => ({
      ...l,
      addedKg: grams(l.addedKg),
      recoveredKg: grams(l.recoveredKg),
      months: l.months.map((m) => ({ ...m, addedKg: grams(m.addedKg), recoveredKg: grams(m.recoveredKg) })),
    })),
  };
}
