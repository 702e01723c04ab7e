import type { Language } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { escapeLike } from '../users/users.repository.js';

export type CustomerRow = {
  id: string;
  tenant_id: string;
  name: string;
  language: Language;
  enterprise_number: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  sort_key: string;
};

const COLUMNS =
  'id, tenant_id, name, language, enterprise_number, created_by, created_at, updated_at, lower(name) as sort_key';

export async function findCustomer(tx: Queryable, tenantId: string, id: string): Promise<CustomerRow | null> {
  const [row] = await tx.query<CustomerRow>(
    `select ${COLUMNS} from customers where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return row ?? null;
}

/** Alphabetical, paged by keyset on (lower(name), id). */
export function listCustomers(
  tx: Queryable,
  tenantId: string,
  filter: { q?: string | undefined; after?: readonly [string, string] | undefined; limit: number },
): Promise<CustomerRow[]> {
  return tx.query<CustomerRow>(
    `select ${COLUMNS} from customers
      where tenant_id = $1
        and ($2::text is null or lower(name) like '%' || $2 || '%')
        and ($3::text is null or (lower(name), id::text) > ($3, $4))
      order by lower(name), id::text
      limit $5`,
    [
      tenantId,
      filter.q ? escapeLike(filter.q.toLowerCase()) : null,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.limit,
    ],
  );
}

export async function insertCustomer(
  tx: Queryable,
  tenantId: string,
  input: { name: string; language: Language; enterpriseNumber: string | null; createdBy: string; now: Date },
): Promise<CustomerRow> {
  const [row] = await tx.query<CustomerRow>(
    `insert into customers (tenant_id, name, language, enterprise_number, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6) returning ${COLUMNS}`,
    [tenantId, input.name, input.language, input.enterpriseNumber, input.createdBy, input.now],
  );
  return row!;
}

export async function updateCustomer(
  tx: Queryable,
  tenantId: string,
  id: string,
  patch: {
    name?: string | undefined;
    language?: Language | undefined;
    enterpriseNumber?: string | null | undefined;
  },
  now: Date,
): Promise<CustomerRow | null> {
  const [row] = await tx.query<CustomerRow>(
    `update customers set name = coalesce($3, name), language = coalesce($4, language),
        enterprise_number = case when $5 then $6 else enterprise_number end, updated_at = $7
      where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
    [
      tenantId,
      id,
      patch.name ?? null,
      patch.language ?? null,
      patch.enterpriseNumber !== undefined,
      patch.enterpriseNumber ?? null,
      now,
    ],
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
