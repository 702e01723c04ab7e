import type { AppDeps, Principal, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { withTenant } from '../../db/tenant-scope.js';
import { pageFrom } from '../../http/cursor.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { cursorKeyOf, positionFromCursor, positionOf, type Position } from '../../http/list-sort.js';
import { assertVersion, isEmptyPatch, lockVersion } from '../../http/row-version.js';
import { generateHumanCode } from '../../security/human-codes.js';
import { audit } from '../audit/audit-recorder.js';
import { changedFields } from '../audit/changed-fields.js';
import {
  canCreateCustomer,
  canDeleteCustomer,
  canExportCustomers,
  canReadCustomers,
  canUpdateCustomer,
} from '../customers/customers.policy.js';
import { evaluateWith, presentEvaluation } from '../forecasts/forecast-evaluation.js';
import { refreshBuildingForecasts, refreshInstallationForecasts } from '../forecasts/forecast-store.js';
import { setLabels } from '../labels/label-assignments.js';
import { isManagerOrAbove } from '../users/roles.js';
import { co2eOf, missingEssentials } from './installation-facts.js';
import { lookupsOf, type InstallationLookups } from './installation-lookups.js';
import {
  findInstallation,
  insertInstallation,
  INSTALLATION_SORTS,
  listInstallations,
  updateInstallation,
  type InstallationFilter,
  type InstallationRow,
} from './installations.repository.js';
import type { InstallationInput, InstallationPatch, InstallationView } from './installations.schemas.js';

const today = (deps: AppDeps) => deps.now().toISOString().slice(0, 10);

export async function presentInstallations(
  tx: Queryable,
  deps: AppDeps,
  ctx: ServiceContext,
  rows: InstallationRow[],
): Promise<InstallationView[]> {
  const lookups = await lookupsOf(tx, ctx.tenantId, rows);
  const onDate = today(deps);
  return rows.map((r) => presentInstallation(r, lookups.get(r.id)!, onDate, ctx.principal));
}

/**
 * One installation as the API shows it. The forecasts are evaluated on the day of the request, not
 * read from the stored ones: those are computed on an earlier day (on each change and nightly), so
 * their overdue status, the rule version in force and the history counted can differ from today's,
 * and they keep neither the leak loss nor legalIntervalMonths, earliestOn and toleranceUntil.
 */
function presentInstallation(
  r: InstallationRow,
  { region, history, components, attachments, labels }: InstallationLookups,
  onDate: string,
  principal: Principal,
): InstallationView {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    locationId: r.location_id,
    buildingId: r.building_id,
    kind: r.kind,
    reference: r.reference,
    brand: r.brand,
    model: r.model,
    serialNumber: r.serial_number,
    refrigerant: r.refrigerant,
    chargeKg: r.charge_kg,
    hermeticallySealed: r.hermetically_sealed,
    leakDetectionSystem: r.leak_detection_system,
    coolingCapacityKw: r.cooling_capacity_kw,
    comfortCooling: r.comfort_cooling,
    heatingFuel: r.heating_fuel,
    heatingCapacityKw: r.heating_capacity_kw,
    commissionedOn: r.commissioned_on,
    forecastStartOn: r.forecast_start_on,
    forecastMode: r.forecast_mode,
    customIntervalMonths: r.custom_interval_months,
    forecastModeReason: r.forecast_mode_reason,
    notes: r.notes,
    externalReference: r.external_reference,
    token: r.token,
    archived: r.archived_at !== null,
    co2eTonnes: co2eOf(r, onDate),
    ...presentEvaluation(evaluateWith(r, region, history, onDate, principal.language)),
    missing: missingEssentials(r),
    components: components.map((c) => ({
      id: c.id,
      kind: c.kind,
      brand: c.brand,
      model: c.model,
      serialNumber: c.serial_number,
      notes: c.notes,
    })),
    attachments,
    labels,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    createdBy: r.created_by,
    abilities: abilitiesFor(principal, r),
  };
}

const abilitiesFor = (p: Principal, r: InstallationRow) => ({
  update: canUpdateCustomer(p, r),
  delete: canDeleteCustomer(p),
  archive: isManagerOrAbove(p),
});

async function load(tx: Queryable, ctx: ServiceContext, id: string): Promise<InstallationRow> {
  const row = await findInstallation(tx, ctx.tenantId, id);
  if (!row) throw notFound('Installation');
  return row;
}

/** A custom interval needs its number of months; the other modes ignore it. */
function assertForecastMode(mode: string, months: number | null | undefined): void {
  if (mode === 'custom' && (months === null || months === undefined)) {
    throw fieldError(
      'customIntervalMonths',
      'A custom forecast needs the interval in months (1–120).',
      'required',
    );
  }
}

type Placement = { buildingId: string; locationId: string; customerId: string };

/** Where a new installation goes: the given building, or the default building of the given location. */
async function placementFor(
  tx: Queryable,
  tenantId: string,
  input: { locationId?: string | undefined; buildingId?: string | undefined },
): Promise<Placement> {
  if (input.buildingId) {
    const [b] = await tx.query<{ location_id: string; customer_id: string }>(
      'select b.location_id, l.customer_id from buildings b join locations l on l.tenant_id = b.tenant_id and l.id = b.location_id where b.tenant_id = $1 and b.id = $2',
      [tenantId, input.buildingId],
    );
    if (!b) throw fieldError('buildingId', 'No building with this id.', 'not_found');
    if (input.locationId && input.locationId !== b.location_id)
      throw fieldError('buildingId', 'This building belongs to another location.', 'mismatch');
    return { buildingId: input.buildingId, locationId: b.location_id, customerId: b.customer_id };
  }
  if (!input.locationId)
    throw fieldError(
      'locationId',
      'Say where the installation is: a locationId (or a buildingId).',
      'required',
    );
  const [l] = await tx.query<{ customer_id: string; building_id: string | null }>(
    `select l.customer_id, b.id as building_id from locations l
       left join buildings b on b.tenant_id = l.tenant_id and b.location_id = l.id and b.is_default
      where l.tenant_id = $1 and l.id = $2`,
    [tenantId, input.locationId],
  );
  if (!l || !l.building_id) throw fieldError('locationId', 'No location with this id.', 'not_found');
  return { buildingId: l.building_id, locationId: input.locationId, customerId: l.customer_id };
}

export async function listInstallationsPage(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<InstallationFilter, 'after'> & { cursor?: string | undefined },
) {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  const after = positionFromCursor(INSTALLATION_SORTS, query.sort, query.cursor);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listInstallations(tx, ctx.tenantId, { ...query, after, limit: query.limit + 1 });
    if (!query.cursor)
      await audit(tx, ctx, { action: 'installation.listed', entityType: 'installation' }, deps.now());
    const page = pageFrom(rows, query.limit, (r) => r, cursorKeyOf(query.sort));
    return { items: await presentInstallations(tx, deps, ctx, page.items), nextCursor: page.nextCursor };
  });
}

export async function* exportInstallations(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<InstallationFilter, 'after' | 'limit'>,
): AsyncGenerator<InstallationView[]> {
  if (!canExportCustomers(ctx.principal)) throw forbidden('Exports are for managers and administrators.');
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      {
        action: 'export.created',
        entityType: 'export',
        details: { resource: 'installations', format: 'xlsx' },
      },
      deps.now(),
    ),
  );
  let after: Position | undefined;
  for (;;) {
    const batch = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const rows = await listInstallations(tx, ctx.tenantId, { ...query, after, limit: 1000 });
      return { rows, views: await presentInstallations(tx, deps, ctx, rows) };
    });
    if (batch.rows.length === 0) return;
    yield batch.views;
    after = positionOf(batch.rows.at(-1)!);
  }
}

export async function getInstallation(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
): Promise<InstallationView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await load(tx, ctx, id);
    await audit(
      tx,
      ctx,
      { action: 'installation.viewed', entityType: 'installation', entityId: id },
      deps.now(),
    );
    return (await presentInstallations(tx, deps, ctx, [row]))[0]!;
  });
}

export async function createInstallation(
  deps: AppDeps,
  ctx: ServiceContext,
  input: InstallationInput,
): Promise<InstallationView> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const id = await addInstallation(tx, deps, ctx, input);
    return (await presentInstallations(tx, deps, ctx, [await load(tx, ctx, id)]))[0]!;
  });
}

/**
 * Adds an installation inside the caller's tenant transaction, with its audit event and forecasts;
 * returns its id. createInstallation presents it for the API; an import needs only the id.
 */
export async function addInstallation(
  tx: Queryable,
  deps: AppDeps,
  ctx: ServiceContext,
  input: InstallationInput,
): Promise<string> {
  if (!canCreateCustomer(ctx.principal)) throw forbidden();
  assertForecastMode(input.forecastMode ?? 'automatic', input.customIntervalMonths);
  const now = deps.now();
  const { labelIds, locationId, buildingId, ...fields } = input;
  const placement = await placementFor(tx, ctx.tenantId, { locationId, buildingId });
  let id: string | undefined;
  // The token is generated once; a collision of 99 random bits is not expected, but is retried.
  for (let attempt = 0; !id; attempt++) {
    try {
      id = await insertInstallation(
        tx,
        ctx.tenantId,
        { ...fields, ...placement },
        generateHumanCode(4, 5),
        ctx.principal.userId,
        now,
      );
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 2) throw error;
    }
  }
  if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'installation', id, labelIds);
  await audit(
    tx,
    ctx,
    {
      action: 'installation.created',
      entityType: 'installation',
      entityId: id,
      details: { locationId: placement.locationId },
    },
    now,
  );
  await refreshInstallationForecasts(tx, ctx.tenantId, [id], today(deps), now);
  return id;
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateInstallationById(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: InstallationPatch,
  expectedVersion?: number,
): Promise<InstallationView> {
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await lockVersion(tx, 'installations', ctx.tenantId, id);
    const existing = await load(tx, ctx, id);
    if (!canUpdateCustomer(ctx.principal, existing))
      throw forbidden('Technicians can change only the installations they added themselves.');
    assertVersion(existing.version, expectedVersion, 'this installation');
    const before = (await presentInstallations(tx, deps, ctx, [existing]))[0]!;
    if (isEmptyPatch(patch)) return before;
    const { labelIds, buildingId, version: _version, ...fields } = patch;
    assertForecastMode(
      fields.forecastMode ?? existing.forecast_mode,
      fields.customIntervalMonths === undefined
        ? existing.custom_interval_months
        : fields.customIntervalMonths,
    );
    if (buildingId && buildingId !== existing.building_id) {
      const placement = await placementFor(tx, ctx.tenantId, { buildingId });
      if (placement.locationId !== existing.location_id) {
        throw fieldError(
          'buildingId',
          'An installation moves only between buildings of its own location.',
          'other_location',
        );
      }
    }
    await updateInstallation(tx, ctx.tenantId, id, { ...fields, ...(buildingId ? { buildingId } : {}) }, now);
    if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'installation', id, labelIds);
    if (buildingId && buildingId !== existing.building_id) {
      await refreshBuildingForecasts(tx, ctx.tenantId, [existing.building_id], today(deps), now);
    }
    await refreshInstallationForecasts(tx, ctx.tenantId, [id], today(deps), now);
    const after = (await presentInstallations(tx, deps, ctx, [await load(tx, ctx, id)]))[0]!;
    await audit(
      tx,
      ctx,
      {
        action: 'installation.updated',
        entityType: 'installation',
        entityId: id,
        details: { changed: changedFields({ ...patch, version: undefined }, before, after) },
      },
      now,
    );
    return after;
  });
}

/** Archived installations leave every list and forecast but keep their logbook. */
export async function setArchived(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  archived: boolean,
): Promise<InstallationView> {
  if (!isManagerOrAbove(ctx.principal))
    throw forbidden('Only managers and administrators archive installations.');
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await load(tx, ctx, id);
    await tx.query(
      'update installations set archived_at = $3, version = version + 1, updated_at = $4 where tenant_id = $1 and id = $2',
      [ctx.tenantId, id, archived ? now : null, now],
    );
    await audit(
      tx,
      ctx,
      {
        action: archived ? 'installation.archived' : 'installation.unarchived',
        entityType: 'installation',
        entityId: id,
      },
      now,
    );
    await refreshInstallationForecasts(tx, ctx.tenantId, [id], today(deps), now);
    return (await presentInstallations(tx, deps, ctx, [await load(tx, ctx, id)]))[0]!;
  });
}

/** Deleting is for records entered by mistake: an installation with a logbook is archived instead. */
export async function deleteInstallation(deps: AppDeps, ctx: ServiceContext, id: string): Promise<void> {
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await load(tx, ctx, id);
    if (!canDeleteCustomer(ctx.principal))
      throw forbidden('Only managers and administrators delete installations.');
    const [used] = await tx.query(
      'select 1 from work_order_installations where tenant_id = $1 and installation_id = $2 limit 1',
      [ctx.tenantId, id],
    );
    if (used)
      throw new AppError('conflict', 'This installation has a logbook; archive it instead.', {
        reason: 'has_logbook',
      });
    await tx.query('delete from label_assignments where tenant_id = $1 and entity_id = $2', [
      ctx.tenantId,
      id,
    ]);
    await tx.query('delete from installations where tenant_id = $1 and id = $2', [ctx.tenantId, id]);
    await refreshBuildingForecasts(tx, ctx.tenantId, [existing.building_id], today(deps), now);
    await audit(
      tx,
      ctx,
      {
        action: 'installation.deleted',
        entityType: 'installation',
        entityId: id,
        details: { token: existing.token },
      },
      now,
    );
  });
}

/** Finds an installation by the token on its instruction card (typed or scanned on site). */
export async function getInstallationByToken(
  deps: AppDeps,
  ctx: ServiceContext,
  token: string,
): Promise<InstallationView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  const compact = token.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const normalised = compact.length === 20 ? compact.match(/.{5}/g)!.join('-') : token;
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      'select id from installations where tenant_id = $1 and token = $2',
      [ctx.tenantId, normalised],
    );
    if (!row) throw notFound('Installation');
    const installation = await load(tx, ctx, row.id);
    await audit(
      tx,
      ctx,
      {
        action: 'installation.viewed',
        entityType: 'installation',
        entityId: row.id,
        details: { by: 'token' },
      },
      deps.now(),
    );
    return (await presentInstallations(tx, deps, ctx, [installation]))[0]!;
  });
}
