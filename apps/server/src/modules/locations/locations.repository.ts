import type { Queryable } from '../../db/database.js';
import { insertColumns, patchAssignments } from '../../db/sql-patch.js';
import { defineSorts, sortSql, type Position, type Sort, type SortedRow } from '../../http/list-sort.js';
import { escapeLike } from '../users/users.repository.js';
import type { Region } from './region.js';
import type { ContactInput } from './locations.schemas.js';

export type LocationRow = {
  id: string;
  customer_id: string;
  customer_name: string;
  name: string;
  street: string;
  number: string;
  box: string;
  postcode: string;
  city: string;
  country: string;
  region: Region | null;
  region_manual: boolean;
  notes: string;
  external_reference: string | null;
  default_building_id: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  sort_key: string;
};

export type ContactRow = {
  id: string;
  location_id: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
};

const SELECT = `select l.id, l.customer_id, c.name as customer_name, l.name, l.street, l.number, l.box, l.postcode, l.city,
    l.country, l.region, l.region_manual, l.notes, l.external_reference, b.id as default_building_id, l.version, l.created_by,
    l.created_at, l.updated_at, lower(c.name || ' ' || l.name || ' ' || l.street || ' ' || l.number) as sort_key
  from locations l
  join customers c on c.tenant_id = l.tenant_id and c.id = l.customer_id
  left join buildings b on b.tenant_id = l.tenant_id and b.location_id = l.id and b.is_default`;

export const FIELD_COLUMNS = {
  customerId: 'customer_id',
  name: 'name',
  street: 'street',
  number: 'number',
  box: 'box',
  postcode: 'postcode',
  city: 'city',
  country: 'country',
  region: 'region',
  regionManual: 'region_manual',
  notes: 'notes',
  externalReference: 'external_reference',
} as const;

export type LocationColumns = Partial<Record<keyof typeof FIELD_COLUMNS, unknown>>;

export async function findLocation(tx: Queryable, tenantId: string, id: string): Promise<LocationRow | null> {
  const [row] = await tx.query<LocationRow>(`${SELECT} where l.tenant_id = $1 and l.id = $2`, [tenantId, id]);
  return row ?? null;
}

/**
 * What the location list sorts by: by default the customer's name, then the location's name and
 * address. Empty names, cities and postcodes count as missing and come last.
 */
export const LOCATION_SORTS = defineSorts({
  fields: {
    customer: { sql: 'x.sort_key', type: 'text' },
    name: { sql: "nullif(lower(x.name), '')", type: 'text' },
    city: { sql: "nullif(lower(x.city), '')", type: 'text' },
    postcode: { sql: "nullif(lower(x.postcode), '')", type: 'text' },
    createdAt: { sql: 'x.created_at', type: 'timestamptz', notNull: true },
    updatedAt: { sql: 'x.updated_at', type: 'timestamptz', notNull: true },
  },
  tie: { sql: 'x.id', type: 'uuid' },
  default: 'customer',
});

export type LocationSort = Sort<keyof typeof LOCATION_SORTS.fields>;

export type LocationFilter = {
  customerId?: string | undefined;
  labelId?: string | undefined;
  region?: Region | undefined;
  q?: string | undefined;
  sort: LocationSort;
  after?: Position | undefined;
  limit: number;
};

/** In the requested order, paged by keyset on (sort value, id). */
export function listLocations(
  tx: Queryable,
  tenantId: string,
  f: LocationFilter,
): Promise<(LocationRow & SortedRow)[]> {
  const order = sortSql(LOCATION_SORTS, f.sort, f.after, 7);
  return tx.query<LocationRow & SortedRow>(
    `select x.*, ${order.select} from (${SELECT} where l.tenant_id = $1
        and ($2::uuid is null or l.customer_id = $2::uuid)
        and ($3::uuid is null or exists (select 1 from label_assignments a where a.tenant_id = l.tenant_id and a.entity_id = l.id and a.label_id = $3::uuid))
        and ($4::text is null or l.region = $4)
        and ($5::text is null or lower(l.name || ' ' || l.street || ' ' || l.city || ' ' || l.postcode) like '%' || $5 || '%')
     ) x
     where ${order.where}
     ${order.orderBy} limit $6`,
    [
      tenantId,
      f.customerId ?? null,
      f.labelId ?? null,
      f.region ?? null,
      f.q ? escapeLike(f.q.toLowerCase()) : null,
      f.limit,
      ...order.values,
    ],
  );
}

export async function insertLocation(
  tx: Queryable,
  tenantId: string,
  fields: LocationColumns,
  createdBy: string,
  now: Date,
): Promise<string> {
  const { columns, placeholders, values } = insertColumns(fields, FIELD_COLUMNS, 5);
  const [row] = await tx.query<{ id: string }>(
    `insert into locations (tenant_id, created_by, created_at, updated_at, ${columns.join(', ')})
     values ($1, $2, $3, $4, ${placeholders.join(', ')}) returning id`,
    [tenantId, createdBy, now, now, ...values],
  );
  return row!.id;
}

export async function updateLocation(
  tx: Queryable,
  tenantId: string,
  id: string,
  fields: LocationColumns,
  now: Date,
): Promise<void> {
  const { assignments, values } = patchAssignments(fields, FIELD_COLUMNS, 4);
  await tx.query(
    `update locations set ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where tenant_id = $1 and id = $2`,
    [tenantId, id, now, ...values],
  );
}

export async function replaceContacts(
  tx: Queryable,
  tenantId: string,
  locationId: string,
  contacts: ContactInput[],
): Promise<void> {
  await tx.query('delete from location_contacts where tenant_id = $1 and location_id = $2', [
    tenantId,
    locationId,
  ]);
  for (const [position, c] of contacts.entries()) {
    await tx.query(
      'insert into location_contacts (tenant_id, location_id, name, role, email, phone, position) values ($1, $2, $3, $4, $5, $6, $7)',
      [tenantId, locationId, c.name, c.role, c.email, c.phone, position],
    );
  }
}

export async function contactsOf(
  tx: Queryable,
  tenantId: string,
  locationIds: readonly string[],
): Promise<Map<string, ContactRow[]>> {
  const map = new Map<string, ContactRow[]>();
  if (locationIds.length === 0) return map;
  const rows = await tx.query<ContactRow>(
    'select id, location_id, name, role, email, phone from location_contacts where tenant_id = $1 and location_id = any($2::uuid[]) order by position',
    [tenantId, locationIds],
  );
  for (const row of rows) map.set(row.location_id, [...(map.get(row.location_id) ?? []), row]);
  return map;
}
