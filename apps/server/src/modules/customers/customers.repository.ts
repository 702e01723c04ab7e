import type { Language } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { insertColumns, patchAssignments } from '../../db/sql-patch.js';
import { defineSorts, sortSql, type Position, type Sort, type SortedRow } from '../../http/list-sort.js';
import { escapeLike } from '../users/users.repository.js';
import type { CustomerPatch } from './customers.schemas.js';

export type CustomerRow = {
  id: string;
  tenant_id: string;
  name: string;
  internal_name: string;
  customer_number: string | null;
  language: Language;
  enterprise_number: string | null;
  vat_number: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
  notes: string;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

const COLUMNS = `id, tenant_id, name, internal_name, customer_number, language, enterprise_number, vat_number, email,
  phone, mobile, website, notes, version, created_by, created_at, updated_at`;

/** API field → column, for inserts and partial updates. */
const FIELD_COLUMNS = {
  name: 'name',
  internalName: 'internal_name',
  customerNumber: 'customer_number',
  language: 'language',
  enterpriseNumber: 'enterprise_number',
  vatNumber: 'vat_number',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  website: 'website',
  notes: 'notes',
} as const;

export type CustomerFields = Omit<CustomerPatch, 'labelIds' | 'version'>;

export async function findCustomer(tx: Queryable, tenantId: string, id: string): Promise<CustomerRow | null> {
  const [row] = await tx.query<CustomerRow>(
    `select ${COLUMNS} from customers where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return row ?? null;
}

/** What the customer list sorts by; alphabetical unless asked otherwise. */
export const CUSTOMER_SORTS = defineSorts({
  fields: {
    name: { sql: 'lower(c.name)', type: 'text' },
    number: { sql: "nullif(lower(c.customer_number), '')", type: 'text' },
    createdAt: { sql: 'c.created_at', type: 'timestamptz', notNull: true },
    updatedAt: { sql: 'c.updated_at', type: 'timestamptz', notNull: true },
  },
  tie: { sql: 'c.id', type: 'uuid' },
  default: 'name',
});

export type CustomerSort = Sort<keyof typeof CUSTOMER_SORTS.fields>;

export type CustomerFilter = {
  q?: string | undefined;
  labelId?: string | undefined;
  sort: CustomerSort;
  after?: Position | undefined;
  limit: number;
};

/** In the requested order, paged by keyset on (sort value, id). */
export function listCustomers(
  tx: Queryable,
  tenantId: string,
  filter: CustomerFilter,
): Promise<(CustomerRow & SortedRow)[]> {
  const order = sortSql(CUSTOMER_SORTS, filter.sort, filter.after, 5);
  return tx.query<CustomerRow & SortedRow>(
    `select ${COLUMNS}, ${order.select} from customers c
      where tenant_id = $1
        and ($2::text is null or lower(name) like '%' || $2 || '%' or lower(internal_name) like '%' || $2 || '%'
             or lower(coalesce(customer_number, '')) like '%' || $2 || '%')
        and ($3::uuid is null or exists (select 1 from label_assignments a where a.tenant_id = c.tenant_id and a.entity_id = c.id and a.label_id = $3::uuid))
        and ${order.where}
      ${order.orderBy}
      limit $4`,
    [
      tenantId,
      filter.q ? escapeLike(filter.q.toLowerCase()) : null,
      filter.labelId ?? null,
      filter.limit,
      ...order.values,
    ],
  );
}

export async function insertCustomer(
  tx: Queryable,
  tenantId: string,
  fields: CustomerFields & { name: string; language: Language },
  createdBy: string,
  now: Date,
): Promise<CustomerRow> {
  const { columns, placeholders, values } = insertColumns(fields, FIELD_COLUMNS, 5);
  const [row] = await tx.query<CustomerRow>(
    `insert into customers (tenant_id, created_by, created_at, updated_at, ${columns.join(', ')})
     values ($1, $2, $3, $4, ${placeholders.join(', ')}) returning ${COLUMNS}`,
    [tenantId, createdBy, now, now, ...values],
  );
  return row!;
}

export async function updateCustomer(
  tx: Queryable,
  tenantId: string,
  id: string,
  fields: CustomerFields,
  now: Date,
): Promise<CustomerRow | null> {
  const { assignments, values } = patchAssignments(fields, FIELD_COLUMNS, 4);
  const [row] = await tx.query<CustomerRow>(
    `update customers set ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')}
      where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
    [tenantId, id, now, ...values],
  );
  return row ?? null;
}

export async function deleteCustomer(tx: Queryable, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx.query('delete from customers where tenant_id = $1 and id = $2 returning id', [
    tenantId,
    id,
  ]);
  return rows.length > 0;
}
