import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { patchAssignments } from '../../db/sql-patch.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { assertVersion, isEmptyPatch, lockVersion } from '../../http/row-version.js';
import type { BuildingEvaluation } from '@climalog/compliance';
import { audit } from '../audit/audit-recorder.js';
import { refreshBuildingForecasts } from '../forecasts/forecast-store.js';
import { readSettings } from '../settings/settings.service.js';
import { evaluateBuildingOf, presentForecast } from '../forecasts/forecast-evaluation.js';
import {
  canCreateCustomer,
  canDeleteCustomer,
  canReadCustomers,
  canUpdateCustomer,
} from '../customers/customers.policy.js';
import type { BuildingInput, BuildingPatch, BuildingView } from './buildings.schemas.js';

const today = (deps: AppDeps) => deps.now().toISOString().slice(0, 10);

type BuildingRow = {
  id: string;
  location_id: string;
  customer_id: string;
  name: string;
  is_default: boolean;
  forecast_enabled: boolean;
  last_energy_inspection_on: string | null;
  installation_count: number;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

const SELECT = `select b.id, b.location_id, l.customer_id, b.name, b.is_default, b.forecast_enabled, b.last_energy_inspection_on,
    b.version, b.created_by, b.created_at, b.updated_at,
    (select count(*)::int from installations i where i.tenant_id = b.tenant_id and i.building_id = b.id and i.archived_at is null) as installation_count
  from buildings b join locations l on l.tenant_id = b.tenant_id and l.id = b.location_id`;

const present = (r: BuildingRow, evaluation: BuildingEvaluation): BuildingView => ({
  id: r.id,
  locationId: r.location_id,
  customerId: r.customer_id,
  name: r.name,
  isDefault: r.is_default,
  forecastEnabled: r.forecast_enabled,
  lastEnergyInspectionOn: r.last_energy_inspection_on,
  installationCount: r.installation_count,
  comfortCoolingKw: evaluation.comfortCoolingKw,
  energyInspection: presentForecast(evaluation.energyInspection),
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function findBuilding(tx: Queryable, tenantId: string, id: string): Promise<BuildingRow | null> {
  const [row] = await tx.query<BuildingRow>(`${SELECT} where b.tenant_id = $1 and b.id = $2`, [tenantId, id]);
  return row ?? null;
}

export async function listBuildings(
  deps: AppDeps,
  ctx: ServiceContext,
  filter: { locationId?: string | undefined; customerId?: string | undefined },
) {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await tx.query<BuildingRow>(
      `${SELECT} where b.tenant_id = $1 and ($2::uuid is null or b.location_id = $2::uuid) and ($3::uuid is null or l.customer_id = $3::uuid)
        order by b.is_default desc, lower(b.name), b.id limit 1000`,
      [ctx.tenantId, filter.locationId ?? null, filter.customerId ?? null],
    );
    const views: BuildingView[] = [];
    for (const row of rows)
      views.push(
        present(row, await evaluateBuildingOf(tx, ctx.tenantId, row, today(deps), ctx.principal.language)),
      );
    return views;
  });
}

export async function getBuilding(deps: AppDeps, ctx: ServiceContext, id: string): Promise<BuildingView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findBuilding(tx, ctx.tenantId, id);
    if (!row) throw notFound('Building');
    return present(row, await evaluateBuildingOf(tx, ctx.tenantId, row, today(deps), ctx.principal.language));
  });
}

export async function createBuilding(
  deps: AppDeps,
  ctx: ServiceContext,
  input: BuildingInput,
): Promise<BuildingView> {
  if (!canCreateCustomer(ctx.principal)) throw forbidden();
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [location] = await tx.query('select id from locations where tenant_id = $1 and id = $2', [
      ctx.tenantId,
      input.locationId,
    ]);
    if (!location) throw fieldError('locationId', 'No location with this id.', 'not_found');
    const [row] = await tx.query<{ id: string }>(
      `insert into buildings (tenant_id, location_id, name, forecast_enabled, last_energy_inspection_on, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7) returning id`,
      [
        ctx.tenantId,
        input.locationId,
        input.name,
        input.forecastEnabled ?? (await readSettings(tx, ctx.tenantId)).defaults.buildingForecastsEnabled,
        input.lastEnergyInspectionOn,
        ctx.principal.userId,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'building.created',
        entityType: 'building',
        entityId: row!.id,
        details: { locationId: input.locationId },
      },
      now,
    );
    await refreshBuildingForecasts(tx, ctx.tenantId, [row!.id], today(deps), now);
    const created = (await findBuilding(tx, ctx.tenantId, row!.id))!;
    return present(
      created,
      await evaluateBuildingOf(tx, ctx.tenantId, created, today(deps), ctx.principal.language),
    );
  });
}

const COLUMNS = {
  name: 'name',
  forecastEnabled: 'forecast_enabled',
  lastEnergyInspectionOn: 'last_energy_inspection_on',
} as const;

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateBuilding(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: BuildingPatch,
  expectedVersion?: number,
): Promise<BuildingView> {
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await lockVersion(tx, 'buildings', ctx.tenantId, id);
    const existing = await findBuilding(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Building');
    if (!canUpdateCustomer(ctx.principal, existing))
      throw forbidden('Technicians can change only the buildings they added themselves.');
    assertVersion(existing.version, expectedVersion, 'this building');
    if (isEmptyPatch(patch))
      return present(
        existing,
        await evaluateBuildingOf(tx, ctx.tenantId, existing, today(deps), ctx.principal.language),
      );
    const { version: _version, ...fields } = patch;
    const { assignments, values } = patchAssignments(fields, COLUMNS, 4);
    await tx.query(
      `update buildings set ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')}
        where tenant_id = $1 and id = $2`,
      [ctx.tenantId, id, now, ...values],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'building.updated',
        entityType: 'building',
        entityId: id,
        details: { changed: Object.keys(fields) },
      },
      now,
    );
    await refreshBuildingForecasts(tx, ctx.tenantId, [id], today(deps), now);
    const updated = (await findBuilding(tx, ctx.tenantId, id))!;
    return present(
      updated,
      await evaluateBuildingOf(tx, ctx.tenantId, updated, today(deps), ctx.principal.language),
    );
  });
}

export async function deleteBuilding(deps: AppDeps, ctx: ServiceContext, id: string): Promise<void> {
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findBuilding(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Building');
    if (!canDeleteCustomer(ctx.principal))
      throw forbidden('Only managers and administrators delete buildings.');
    if (existing.is_default)
      throw new AppError('conflict', 'The default building of a location cannot be deleted.', {
        reason: 'default_building',
      });
    const [used] = await tx.query(
      'select 1 from installations where tenant_id = $1 and building_id = $2 limit 1',
      [ctx.tenantId, id],
    );
    if (used)
      throw new AppError(
        'conflict',
        'This building has installations. Move them to another building first.',
        { reason: 'has_installations' },
      );
    await tx.query('delete from buildings where tenant_id = $1 and id = $2', [ctx.tenantId, id]);
    await audit(
      tx,
      ctx,
      {
        action: 'building.deleted',
        entityType: 'building',
        entityId: id,
        details: { locationId: existing.location_id },
      },
      now,
    );
  });
}
