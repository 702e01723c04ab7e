import type { Queryable } from '../../db/database.js';
import { defineSorts, sortSql, type Position, type Sort, type SortedRow } from '../../http/list-sort.js';
import { lockVersion } from '../../http/row-version.js';
import type { WorkOrderView } from './work-orders.schemas.js';

export type WorkOrderRow = {
  id: string;
  number: number;
  customer_id: string;
  customer_name: string;
  status: WorkOrderView['status'];
  planned_on: string | null;
  executed_on: string | null;
  executor_id: string | null;
  executor_name: string | null;
  notes: string;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  sort_date: string;
};

const SELECT = `select w.id, w.number, w.customer_id, c.name as customer_name, w.status, w.planned_on, w.executed_on, w.executor_id,
    nullif(trim(u.first_name || ' ' || u.last_name), '') as executor_name, w.notes, w.version, w.created_by, w.created_at, w.updated_at,
    coalesce(w.executed_on, w.planned_on, w.created_at::date)::text as sort_date
  from work_orders w
  join customers c on c.tenant_id = w.tenant_id and c.id = w.customer_id
  left join users u on u.tenant_id = w.tenant_id and u.id = w.executor_id`;

export async function findWorkOrder(
  tx: Queryable,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<WorkOrderRow | null> {
  if (forUpdate) await lockVersion(tx, 'work_orders', tenantId, id);
  const [row] = await tx.query<WorkOrderRow>(`${SELECT} where w.tenant_id = $1 and w.id = $2`, [
    tenantId,
    id,
  ]);
  return row ?? null;
}

export type WorkOrderFilter = {
  installationId?: string | undefined;
  customerId?: string | undefined;
  locationId?: string | undefined;
  executorId?: string | undefined;
  labelId?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Default newest date first, as the logbook and the portal want it. */
  sort?: WorkOrderSort | undefined;
  after?: Position | undefined;
  limit: number;
};

/**
 * What the work order list sorts by: newest date first (executed, else planned, else created)
 * unless asked otherwise. The number is unique within the account, so it breaks ties; missing
 * dates come last.
 */
export const WORK_ORDER_SORTS = defineSorts({
  fields: {
    date: { sql: 'x.sort_date', type: 'text' },
    number: { sql: 'x.number', type: 'bigint', notNull: true },
    executedOn: { sql: 'x.executed_on', type: 'date' },
    plannedOn: { sql: 'x.planned_on', type: 'date' },
    customer: { sql: 'lower(x.customer_name)', type: 'text' },
    status: { sql: 'x.status', type: 'text' },
    createdAt: { sql: 'x.created_at', type: 'timestamptz', notNull: true },
    updatedAt: { sql: 'x.updated_at', type: 'timestamptz', notNull: true },
  },
  tie: { sql: 'x.number', type: 'bigint' },
  default: '-date',
});

export type WorkOrderSort = Sort<keyof typeof WORK_ORDER_SORTS.fields>;

/**
 * In the requested order, paged by keyset on (sort value, number). Only the filters that are given
 * reach the SQL: an `exists` behind "$n is null or …" stays a subquery run for every work order of
 * the account (an installation's logbook read all 60,000 work orders of a seeded account, 1.1 s),
 * while on its own the planner drives it from its index.
 */
export function listWorkOrders(
  tx: Queryable,
  tenantId: string,
  f: WorkOrderFilter,
): Promise<(WorkOrderRow & SortedRow)[]> {
  const values: unknown[] = [tenantId];
  const $ = (value: unknown, type: string) => `$${values.push(value)}::${type}`;
  const inner = ['w.tenant_id = $1'];
  if (f.installationId)
    inner.push(
      `w.id in (select x.work_order_id from work_order_installations x where x.tenant_id = $1 and x.installation_id = ${$(f.installationId, 'uuid')})`,
    );
  if (f.customerId) inner.push(`w.customer_id = ${$(f.customerId, 'uuid')}`);
  if (f.locationId)
    inner.push(`w.id in (select x.work_order_id from work_order_installations x join installations i on i.tenant_id = x.tenant_id and i.id = x.installation_id
                          where x.tenant_id = $1 and i.location_id = ${$(f.locationId, 'uuid')})`);
  if (f.executorId) inner.push(`w.executor_id = ${$(f.executorId, 'uuid')}`);
  if (f.labelId)
    inner.push(
      `w.id in (select a.entity_id from label_assignments a where a.tenant_id = $1 and a.label_id = ${$(f.labelId, 'uuid')})`,
    );
  if (f.status) inner.push(`w.status = ${$(f.status, 'text')}`);
  const outer: string[] = [];
  if (f.from) outer.push(`x.sort_date >= ${$(f.from, 'text')}`);
  if (f.to) outer.push(`x.sort_date <= ${$(f.to, 'text')}`);
  const order = sortSql(WORK_ORDER_SORTS, f.sort ?? WORK_ORDER_SORTS.default, f.after, values.length + 1);
  values.push(...order.values);
  outer.push(order.where);
  return tx.query<WorkOrderRow & SortedRow>(
    `select x.*, ${order.select} from (${SELECT} where ${inner.join(' and ')}) x
     where ${outer.join(' and ')}
     ${order.orderBy}
     limit ${$(f.limit, 'int')}`,
    values,
  );
}

/** The next number in a tenant's series (work orders: 1, 2, 3 …), gap-free within committed work. */
export async function nextNumber(tx: Queryable, tenantId: string, series: string): Promise<number> {
  const [row] = await tx.query<{ value: number }>(
    `insert into tenant_counters (tenant_id, name, value) values ($1, $2, 1)
     on conflict (tenant_id, name) do update set value = tenant_counters.value + 1 returning value`,
    [tenantId, series],
  );
  return row!.value;
}

export async function installationIdsOf(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await tx.query<{ work_order_id: string; installation_id: string }>(
    'select work_order_id, installation_id from work_order_installations where tenant_id = $1 and work_order_id = any($2::uuid[])',
    [tenantId, ids],
  );
  for (const r of rows) map.set(r.work_order_id, [...(map.get(r.work_order_id) ?? []), r.installation_id]);
  return map;
}

export async function productsOf(tx: Queryable, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, WorkOrderView['products']>();
  if (ids.length === 0) return map;
  const rows = await tx.query<{
    work_order_id: string;
    product_id: string;
    name: string;
    unit: string;
    quantity: number;
  }>(
    `select wp.work_order_id, wp.product_id, p.name, p.unit, wp.quantity from work_order_products wp
       join products p on p.tenant_id = wp.tenant_id and p.id = wp.product_id
      where wp.tenant_id = $1 and wp.work_order_id = any($2::uuid[]) order by lower(p.name)`,
    [tenantId, ids],
  );
  for (const r of rows) {
    map.set(r.work_order_id, [
      ...(map.get(r.work_order_id) ?? []),
      { productId: r.product_id, name: r.name, unit: r.unit, quantity: r.quantity },
    ]);
  }
  return map;
}

export async function signaturesOf(tx: Queryable, tenantId: string, ids: readonly string[]) {
  const map = new Map<string, WorkOrderView['signatures']>();
  if (ids.length === 0) return map;
  const rows = await tx.query<{
    work_order_id: string;
    role: 'customer' | 'technician';
    signer_name: string;
    image: string;
    signed_at: Date;
  }>(
    'select work_order_id, role, signer_name, image, signed_at from work_order_signatures where tenant_id = $1 and work_order_id = any($2::uuid[]) order by role',
    [tenantId, ids],
  );
  for (const r of rows) {
    map.set(r.work_order_id, [
      ...(map.get(r.work_order_id) ?? []),
      { role: r.role, signerName: r.signer_name, image: r.image, signedAt: r.signed_at.toISOString() },
    ]);
  }
  return map;
}
