import type { AppDeps, Principal, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { pageFrom } from '../../http/cursor.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { cursorKeyOf, positionFromCursor, positionOf, type Position } from '../../http/list-sort.js';
import { assertVersion, isEmptyPatch, lockVersion } from '../../http/row-version.js';
import { formatEnterpriseNumber } from '../../security/enterprise-number.js';
import { audit } from '../audit/audit-recorder.js';
import { changedFields } from '../audit/changed-fields.js';
import { labelsOf, setLabels } from '../labels/label-assignments.js';
import type { LabelRef } from '../labels/labels.schemas.js';
import {
  canCreateCustomer,
  canDeleteCustomer,
  canExportCustomers,
  canReadCustomers,
  canUpdateCustomer,
} from './customers.policy.js';
import {
  CUSTOMER_SORTS,
  deleteCustomer as deleteRow,
  findCustomer,
  insertCustomer,
  listCustomers,
  updateCustomer as updateRow,
  type CustomerFilter,
  type CustomerRow,
} from './customers.repository.js';
import type { CustomerInput, CustomerPatch, CustomerView } from './customers.schemas.js';

export function presentCustomer(
  row: CustomerRow,
  principal: Principal,
  labels: LabelRef[] = [],
): CustomerView {
  return {
    id: row.id,
    name: row.name,
    internalName: row.internal_name,
    customerNumber: row.customer_number,
    language: row.language,
    enterpriseNumber: row.enterprise_number ? formatEnterpriseNumber(row.enterprise_number) : null,
    vatNumber: row.vat_number,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    website: row.website,
    notes: row.notes,
    labels,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    createdBy: row.created_by,
    abilities: { update: canUpdateCustomer(principal, row), delete: canDeleteCustomer(principal) },
  };
}

function assertCanRead(ctx: ServiceContext) {
  if (!canReadCustomers(ctx.principal)) throw forbidden('Your roles do not give access to customers.');
}

type ListQuery = Omit<CustomerFilter, 'after' | 'limit'>;

export async function listCustomersPage(
  deps: AppDeps,
  ctx: ServiceContext,
  query: ListQuery & { limit: number; cursor?: string | undefined },
) {
  assertCanRead(ctx);
  const after = positionFromCursor(CUSTOMER_SORTS, query.sort, query.cursor);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listCustomers(tx, ctx.tenantId, {
      q: query.q,
      labelId: query.labelId,
      sort: query.sort,
      after,
      limit: query.limit + 1,
    });
    if (!query.cursor) {
      await audit(
        tx,
        ctx,
        { action: 'customer.listed', entityType: 'customer', details: query.q ? { q: query.q } : {} },
        deps.now(),
      );
    }
    const labels = await labelsOf(
      tx,
      ctx.tenantId,
      rows.map((r) => r.id),
    );
    return pageFrom(
      rows,
      query.limit,
      (r) => presentCustomer(r, ctx.principal, labels.get(r.id)),
      cursorKeyOf(query.sort),
    );
  });
}

/** Batches of the filtered list, in the list's order, for the spreadsheet export; recorded first. */
export async function* exportCustomers(
  deps: AppDeps,
  ctx: ServiceContext,
  query: ListQuery,
): AsyncGenerator<CustomerView[]> {
  if (!canExportCustomers(ctx.principal)) throw forbidden('Exports are for managers and administrators.');
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      {
        action: 'export.created',
        entityType: 'export',
        details: { resource: 'customers', format: 'xlsx', ...(query.q ? { q: query.q } : {}) },
      },
      deps.now(),
    ),
  );
  let after: Position | undefined;
  for (;;) {
    const page = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const rows = await listCustomers(tx, ctx.tenantId, {
        q: query.q,
        labelId: query.labelId,
        sort: query.sort,
        after,
        limit: 1000,
      });
      const labels = await labelsOf(
        tx,
        ctx.tenantId,
        rows.map((r) => r.id),
      );
      return { rows, views: rows.map((r) => presentCustomer(r, ctx.principal, labels.get(r.id))) };
    });
    if (page.rows.length === 0) return;
    yield page.views;
    after = positionOf(page.rows.at(-1)!);
  }
}

export async function getCustomer(deps: AppDeps, ctx: ServiceContext, id: string): Promise<CustomerView> {
  assertCanRead(ctx);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findCustomer(tx, ctx.tenantId, id);
    if (!row) throw notFound('Customer');
    await audit(tx, ctx, { action: 'customer.viewed', entityType: 'customer', entityId: id }, deps.now());
    return presentCustomer(row, ctx.principal, (await labelsOf(tx, ctx.tenantId, [id])).get(id));
  });
}

export async function createCustomer(
  deps: AppDeps,
  ctx: ServiceContext,
  input: CustomerInput,
): Promise<CustomerView> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await addCustomer(tx, deps, ctx, input);
    return presentCustomer(row, ctx.principal, (await labelsOf(tx, ctx.tenantId, [row.id])).get(row.id));
  });
}

/**
 * Adds a customer inside the caller's tenant transaction, with its audit event. createCustomer
 * presents it for the API; an import needs only the record.
 */
export async function addCustomer(tx: Queryable, deps: AppDeps, ctx: ServiceContext, input: CustomerInput) {
  if (!canCreateCustomer(ctx.principal)) throw forbidden('Your roles do not allow adding customers.');
  const now = deps.now();
  const { labelIds, ...fields } = input;
  const row = await insertCustomer(tx, ctx.tenantId, fields, ctx.principal.userId, now);
  if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'customer', row.id, labelIds);
  await audit(
    tx,
    ctx,
    { action: 'customer.created', entityType: 'customer', entityId: row.id, details: { name: row.name } },
    now,
  );
  return row;
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateCustomer(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: CustomerPatch,
  expectedVersion?: number,
): Promise<CustomerView> {
  assertCanRead(ctx);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await lockVersion(tx, 'customers', ctx.tenantId, id);
    const existing = await findCustomer(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Customer');
    if (!canUpdateCustomer(ctx.principal, existing)) {
      throw forbidden('Technicians can change only the customers they added themselves.');
    }
    assertVersion(existing.version, expectedVersion, 'this customer');
    const before = presentCustomer(existing, ctx.principal, (await labelsOf(tx, ctx.tenantId, [id])).get(id));
    if (isEmptyPatch(patch)) return before;
    const { labelIds, version: _version, ...fields } = patch;
    const row = await updateRow(tx, ctx.tenantId, id, fields, now);
    if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'customer', id, labelIds);
    const after = presentCustomer(row!, ctx.principal, (await labelsOf(tx, ctx.tenantId, [id])).get(id));
    const changed = changedFields({ ...patch, version: undefined }, before, after);
    await audit(
      tx,
      ctx,
      { action: 'customer.updated', entityType: 'customer', entityId: id, details: { changed } },
      now,
    );
    return after;
  });
}

export async function deleteCustomer(deps: AppDeps, ctx: ServiceContext, id: string): Promise<void> {
  assertCanRead(ctx);
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findCustomer(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Customer');
    if (!canDeleteCustomer(ctx.principal))
      throw forbidden('Only managers and administrators delete customers.');
    const [used] = await tx.query(
      'select 1 from locations where tenant_id = $1 and customer_id = $2 limit 1',
      [ctx.tenantId, id],
    );
    if (used) {
      throw new AppError(
        'conflict',
        'This customer has locations. To remove a duplicate, merge it into the other customer.',
        {
          reason: 'has_locations',
        },
      );
    }
    await deleteRow(tx, ctx.tenantId, id);
    await audit(
      tx,
      ctx,
      { action: 'customer.deleted', entityType: 'customer', entityId: id, details: { name: existing.name } },
      now,
    );
  });
}
