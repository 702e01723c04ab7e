import type { AppDeps, Principal, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { pageFrom } from '../../http/cursor.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { cursorKeyOf, positionFromCursor, positionOf, type Position } from '../../http/list-sort.js';
import { assertVersion, isEmptyPatch, lockVersion } from '../../http/row-version.js';
import { audit } from '../audit/audit-recorder.js';
import { changedFields } from '../audit/changed-fields.js';
import { refreshLocationForecasts } from '../forecasts/forecast-store.js';
import { readSettings } from '../settings/settings.service.js';
import {
  canCreateCustomer,
  canDeleteCustomer,
  canExportCustomers,
  canReadCustomers,
  canUpdateCustomer,
} from '../customers/customers.policy.js';
import { findCustomer } from '../customers/customers.repository.js';
import { labelsOf, setLabels } from '../labels/label-assignments.js';
import {
  contactsOf,
  findLocation,
  insertLocation,
  listLocations,
  LOCATION_SORTS,
  replaceContacts,
  updateLocation,
  type ContactRow,
  type LocationColumns,
  type LocationFilter,
  type LocationRow,
} from './locations.repository.js';
import type { LocationInput, LocationPatch, LocationView } from './locations.schemas.js';
import { regionFromAddress } from './region.js';

/** The name of the building every location gets; the web app shows it translated. */
export const DEFAULT_BUILDING_NAME = 'Default';

async function present(tx: Queryable, ctx: ServiceContext, rows: LocationRow[]): Promise<LocationView[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: a transaction is one connection.
  const labels = await labelsOf(tx, ctx.tenantId, ids);
  const contacts = await contactsOf(tx, ctx.tenantId, ids);
  return rows.map((r) => presentLocation(r, ctx.principal, contacts.get(r.id) ?? [], labels.get(r.id) ?? []));
}

function presentLocation(
  r: LocationRow,
  p: Principal,
  contacts: ContactRow[],
  labels: LocationView['labels'],
): LocationView {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    name: r.name,
    street: r.street,
    number: r.number,
    box: r.box,
    postcode: r.postcode,
    city: r.city,
    country: r.country,
    region: r.region,
    regionDerived: !r.region_manual,
    notes: r.notes,
    externalReference: r.external_reference,
    defaultBuildingId: r.default_building_id,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone })),
    labels,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    createdBy: r.created_by,
    abilities: { update: canUpdateCustomer(p, r), delete: canDeleteCustomer(p) },
  };
}

/** Region as given, or derived from country and postcode. */
function regionColumns(
  given: { region?: LocationView['region'] | undefined },
  address: { country: string; postcode: string },
): LocationColumns {
  if (given.region !== undefined && given.region !== null)
    return { region: given.region, regionManual: true };
  return { region: regionFromAddress(address.country, address.postcode), regionManual: false };
}

export async function listLocationsPage(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<LocationFilter, 'after'> & { cursor?: string | undefined },
) {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  const after = positionFromCursor(LOCATION_SORTS, query.sort, query.cursor);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listLocations(tx, ctx.tenantId, { ...query, after, limit: query.limit + 1 });
    const page = pageFrom(rows, query.limit, (r) => r, cursorKeyOf(query.sort));
    return { items: await present(tx, ctx, page.items), nextCursor: page.nextCursor };
  });
}

export async function* exportLocations(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<LocationFilter, 'after' | 'limit'>,
): AsyncGenerator<LocationView[]> {
  if (!canExportCustomers(ctx.principal)) throw forbidden('Exports are for managers and administrators.');
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      { action: 'export.created', entityType: 'export', details: { resource: 'locations', format: 'xlsx' } },
      deps.now(),
    ),
  );
  let after: Position | undefined;
  for (;;) {
    const batch = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const rows = await listLocations(tx, ctx.tenantId, { ...query, after, limit: 1000 });
      return { rows, views: await present(tx, ctx, rows) };
    });
    if (batch.rows.length === 0) return;
    yield batch.views;
    after = positionOf(batch.rows.at(-1)!);
  }
}

export async function getLocation(deps: AppDeps, ctx: ServiceContext, id: string): Promise<LocationView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findLocation(tx, ctx.tenantId, id);
    if (!row) throw notFound('Location');
    await audit(tx, ctx, { action: 'location.viewed', entityType: 'location', entityId: id }, deps.now());
    return (await present(tx, ctx, [row]))[0]!;
  });
}

/** A new location, with its default building, in one transaction. */
export async function createLocation(
  deps: AppDeps,
  ctx: ServiceContext,
  input: LocationInput,
): Promise<LocationView> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const id = await addLocation(tx, deps, ctx, input);
    return (await present(tx, ctx, [(await findLocation(tx, ctx.tenantId, id))!]))[0]!;
  });
}

/**
 * Adds a location and its default building inside the caller's tenant transaction, with its audit
 * event; returns its id. createLocation presents it for the API; an import needs only the id.
 */
export async function addLocation(
  tx: Queryable,
  deps: AppDeps,
  ctx: ServiceContext,
  input: LocationInput,
): Promise<string> {
  if (!canCreateCustomer(ctx.principal)) throw forbidden();
  const now = deps.now();
  if (!(await findCustomer(tx, ctx.tenantId, input.customerId))) {
    throw fieldError('customerId', 'No customer with this id.', 'not_found');
  }
  const { contacts, labelIds, region, ...fields } = input;
  const country = fields.country ?? 'BE';
  const id = await insertLocation(
    tx,
    ctx.tenantId,
    { ...fields, country, ...regionColumns({ region }, { country, postcode: fields.postcode ?? '' }) },
    ctx.principal.userId,
    now,
  );
  await tx.query(
    `insert into buildings (tenant_id, location_id, name, is_default, forecast_enabled, created_by, created_at, updated_at)
     values ($1, $2, $3, true, $4, $5, $6, $6)`,
    [
      ctx.tenantId,
      id,
      DEFAULT_BUILDING_NAME,
      (await readSettings(tx, ctx.tenantId)).defaults.buildingForecastsEnabled,
      ctx.principal.userId,
      now,
    ],
  );
  if (contacts) await replaceContacts(tx, ctx.tenantId, id, contacts);
  if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'location', id, labelIds);
  await audit(
    tx,
    ctx,
    {
      action: 'location.created',
      entityType: 'location',
      entityId: id,
      details: { customerId: input.customerId },
    },
    now,
  );
  return id;
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateLocationById(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: LocationPatch,
  expectedVersion?: number,
): Promise<LocationView> {
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await lockVersion(tx, 'locations', ctx.tenantId, id);
    const existing = await findLocation(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Location');
    if (!canUpdateCustomer(ctx.principal, existing))
      throw forbidden('Technicians can change only the locations they added themselves.');
    assertVersion(existing.version, expectedVersion, 'this location');
    const before = (await present(tx, ctx, [existing]))[0]!;
    if (isEmptyPatch(patch)) return before;
    const { contacts, labelIds, region, customerId, version: _version, ...fields } = patch;
    if (customerId !== undefined && customerId !== existing.customer_id) {
      throw fieldError(
        'customerId',
        'A location never moves to another customer. Merge the customers instead.',
        'immutable',
      );
    }
    const address = {
      country: fields.country ?? existing.country,
      postcode: fields.postcode ?? existing.postcode,
    };
    // Re-derive the region when the address changes, unless someone set it by hand (or sets it now).
    const rederive =
      region !== undefined ||
      (!existing.region_manual && (fields.country !== undefined || fields.postcode !== undefined));
    await updateLocation(
      tx,
      ctx.tenantId,
      id,
      { ...fields, ...(rederive ? regionColumns({ region }, address) : {}) },
      now,
    );
    if (contacts) await replaceContacts(tx, ctx.tenantId, id, contacts);
    if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'location', id, labelIds);
    if (rederive) await refreshLocationForecasts(tx, ctx.tenantId, id, now.toISOString().slice(0, 10), now);
    const after = (await present(tx, ctx, [(await findLocation(tx, ctx.tenantId, id))!]))[0]!;
    await audit(
      tx,
      ctx,
      {
        action: 'location.updated',
        entityType: 'location',
        entityId: id,
        details: { changed: changedFields({ ...patch, version: undefined }, before, after) },
      },
      now,
    );
    return after;
  });
}

export async function deleteLocation(deps: AppDeps, ctx: ServiceContext, id: string): Promise<void> {
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findLocation(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Location');
    if (!canDeleteCustomer(ctx.principal))
      throw forbidden('Only managers and administrators delete locations.');
    const [used] = await tx.query(
      'select 1 from installations where tenant_id = $1 and location_id = $2 limit 1',
      [ctx.tenantId, id],
    );
    if (used)
      throw new AppError('conflict', 'This location has installations; their logbooks must be kept.', {
        reason: 'has_installations',
      });
    await tx.query('delete from label_assignments where tenant_id = $1 and entity_id = $2', [
      ctx.tenantId,
      id,
    ]);
    await tx.query('delete from locations where tenant_id = $1 and id = $2', [ctx.tenantId, id]);
    await audit(
      tx,
      ctx,
      {
        action: 'location.deleted',
        entityType: 'location',
        entityId: id,
        details: { customerId: existing.customer_id },
      },
      now,
    );
  });
}
