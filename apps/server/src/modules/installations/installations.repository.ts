import type { Queryable } from '../../db/database.js';
import { insertColumns, patchAssignments } from '../../db/sql-patch.js';
import { defineSorts, sortSql, type Position, type Sort, type SortedRow } from '../../http/list-sort.js';
import { escapeLike } from '../users/users.repository.js';
import type { InstallationView } from './installations.schemas.js';

export type InstallationRow = {
  id: string;
  customer_id: string;
  customer_name: string;
  location_id: string;
  building_id: string;
  kind: InstallationView['kind'];
  reference: string;
  brand: string;
  model: string;
  serial_number: string;
  refrigerant: string | null;
  charge_kg: number | null;
  hermetically_sealed: boolean | null;
  leak_detection_system: boolean | null;
  cooling_capacity_kw: number | null;
  comfort_cooling: boolean | null;
  heating_fuel: InstallationView['heatingFuel'];
  heating_capacity_kw: number | null;
  commissioned_on: string | null;
  forecast_start_on: string | null;
  forecast_mode: InstallationView['forecastMode'];
  custom_interval_months: number | null;
  forecast_mode_reason: string;
  notes: string;
  external_reference: string | null;
  token: string;
  archived_at: Date | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export type ComponentRow = {
  id: string;
  installation_id: string;
  kind: string;
  brand: string;
  model: string;
  serial_number: string;
  notes: string;
};

export const FIELD_COLUMNS = {
  buildingId: 'building_id',
  locationId: 'location_id',
  customerId: 'customer_id',
  kind: 'kind',
  reference: 'reference',
  brand: 'brand',
  model: 'model',
  serialNumber: 'serial_number',
  refrigerant: 'refrigerant',
  chargeKg: 'charge_kg',
  hermeticallySealed: 'hermetically_sealed',
  leakDetectionSystem: 'leak_detection_system',
  coolingCapacityKw: 'cooling_capacity_kw',
  comfortCooling: 'comfort_cooling',
  heatingFuel: 'heating_fuel',
  heatingCapacityKw: 'heating_capacity_kw',
  commissionedOn: 'commissioned_on',
  forecastStartOn: 'forecast_start_on',
  forecastMode: 'forecast_mode',
  customIntervalMonths: 'custom_interval_months',
  forecastModeReason: 'forecast_mode_reason',
  notes: 'notes',
  externalReference: 'external_reference',
} as const;

export type InstallationColumns = Partial<Record<keyof typeof FIELD_COLUMNS, unknown>>;

const SELECT = `select i.*, c.name as customer_name from installations i
  join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id`;

export async function findInstallation(
  tx: Queryable,
  tenantId: string,
  id: string,
): Promise<InstallationRow | null> {
  const [row] = await tx.query<InstallationRow>(`${SELECT} where i.tenant_id = $1 and i.id = $2`, [
    tenantId,
    id,
  ]);
  return row ?? null;
}

export type InstallationFilter = {
  customerId?: string | undefined;
  locationId?: string | undefined;
  buildingId?: string | undefined;
  labelId?: string | undefined;
  kind?: string | undefined;
  refrigerant?: string | undefined;
  archived: 'false' | 'true' | 'all';
  q?: string | undefined;
  sort: InstallationSort;
  after?: Position | undefined;
  limit: number;
};

/**
 * What the installation list sorts by: newest first unless asked otherwise. An empty reference
 * counts as missing and comes last, as do a missing refrigerant, charge or commissioning date.
 */
export const INSTALLATION_SORTS = defineSorts({
  fields: {
    reference: { sql: "nullif(lower(i.reference), '')", type: 'text' },
    customer: { sql: 'lower(c.name)', type: 'text' },
    refrigerant: { sql: 'i.refrigerant', type: 'text' },
    chargeKg: { sql: 'i.charge_kg', type: 'numeric' },
    commissionedOn: { sql: 'i.commissioned_on', type: 'date' },
    createdAt: { sql: 'i.created_at', type: 'timestamptz', notNull: true },
    updatedAt: { sql: 'i.updated_at', type: 'timestamptz', notNull: true },
  },
  tie: { sql: 'i.id', type: 'uuid' },
  default: '-createdAt',
});

export type InstallationSort = Sort<keyof typeof INSTALLATION_SORTS.fields>;

// Written out rather than a parameter, so the planner sees `archived_at is null` and can page the
// default list straight off the partial index installations_active_created.
const ARCHIVED: Record<InstallationFilter['archived'], string> = {
  false: 'i.archived_at is null',
  true: 'i.archived_at is not null',
  all: 'true',
};

/**
 * In the requested order, paged by keyset on (sort value, id). The label filter is written only
 * when given: behind "$5 is null or exists (…)" it stays a subquery run for every installation.
 */
export function listInstallations(
  tx: Queryable,
  tenantId: string,
  f: InstallationFilter,
): Promise<(InstallationRow & SortedRow)[]> {
  const order = sortSql(INSTALLATION_SORTS, f.sort, f.after, 10);
  return tx.query<InstallationRow & SortedRow>(
    `select i.*, c.name as customer_name, ${order.select}
      from installations i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
      where i.tenant_id = $1
        and ($2::uuid is null or i.customer_id = $2::uuid)
        and ($3::uuid is null or i.location_id = $3::uuid)
        and ($4::uuid is null or i.building_id = $4::uuid)
        and ${f.labelId ? 'i.id in (select a.entity_id from label_assignments a where a.tenant_id = $1 and a.label_id = $5::uuid)' : '$5::uuid is null'}
        and ($6::text is null or i.kind = $6)
        and ($7::text is null or i.refrigerant = $7)
        and ${ARCHIVED[f.archived]}
        and ($8::text is null or lower(i.reference || ' ' || i.brand || ' ' || i.model || ' ' || i.serial_number || ' ' || i.token || ' ' || coalesce(c.customer_number, '')) like '%' || $8 || '%')
        and ${order.where}
      ${order.orderBy}
      limit $9`,
    [
      tenantId,
      f.customerId ?? null,
      f.locationId ?? null,
      f.buildingId ?? null,
      f.labelId ?? null,
      f.kind ?? null,
      f.refrigerant ?? null,
      f.q ? escapeLike(f.q.toLowerCase()) : null,
      f.limit,
      ...order.values,
    ],
  );
}

export async function insertInstallation(
  tx: Queryable,
  tenantId: string,
  fields: InstallationColumns,
  token: string,
  createdBy: string,
  now: Date,
): Promise<string> {
  const { columns, placeholders, values } = insertColumns(fields, FIELD_COLUMNS, 6);
  const [row] = await tx.query<{ id: string }>(
    `insert into installations (tenant_id, token, created_by, created_at, updated_at, ${columns.join(', ')})
     values ($1, $2, $3, $4, $5, ${placeholders.join(', ')}) returning id`,
    [tenantId, token, createdBy, now, now, ...values],
  );
  return row!.id;
}

export async function updateInstallation(
  tx: Queryable,
  tenantId: string,
  id: string,
  fields: InstallationColumns,
  now: Date,
): Promise<void> {
  const { assignments, values } = patchAssignments(fields, FIELD_COLUMNS, 4);
  await tx.query(
    `update installations set ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where tenant_id = $1 and id = $2`,
    [tenantId, id, now, ...values],
  );
}

export async function componentsOf(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, ComponentRow[]>> {
  const map = new Map<string, ComponentRow[]>();
  if (ids.length === 0) return map;
  const rows = await tx.query<ComponentRow>(
    `select id, installation_id, kind, brand, model, serial_number, notes from installation_components
      where tenant_id = $1 and installation_id = any($2::uuid[]) order by position, created_at`,
    [tenantId, ids],
  );
  for (const row of rows) map.set(row.installation_id, [...(map.get(row.installation_id) ?? []), row]);
  return map;
}
