import type { AppDeps, Principal, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { decodeCursor, pageFrom } from '../../http/cursor.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
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
  const after = decodeCursor(query.cursor, ['string', 'string'] as const);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listCustomers(tx, ctx.tenantId, {
      q: query.q,
      labelId: query.labelId,
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
      (r) => [r.sort_key, r.id],
    );
  });
}

/** Batches of the filtered list for the spreadsheet export; the export is recorded first. */
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
  let after: [string, string] | undefined;
  for (;;) {
    const page = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const rows = await listCustomers(tx, ctx.tenantId, { ...query, after, limit: 1000 });
      const labels = await labelsOf(
        tx,
        ctx.tenantId,
        rows.map((r) => r.id),
      );
      return { rows, views: rows.map((r) => presentCustomer(r, ctx.principal, labels.get(r.id))) };
    });
    if (page.rows.length === 0) return;
    yield page.views;
    const last = page.rows.at(-1)!;
    after = [last.sort_key, last.id];
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
  if (!canCreateCustomer(ctx.principal)) throw forbidden('Your roles do not allow adding customers.');
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const { labelIds, ...fields } = input;
    const row = await insertCustomer(tx, ctx.tenantId, fields, ctx.principal.userId, now);
    if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'customer', row.id, labelIds);
    await audit(
      tx,
      ctx,
      { action: 'customer.created', entityType: 'customer', entityId: row.id, details: { name: row.name } },
      now,
    );
    return presentCustomer(row, ctx.principal, (await labelsOf(tx, ctx.tenantId, [row.id])).get(row.id));
  });
}

export async function updateCustomer(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: CustomerPatch,
): Promise<CustomerView> {
  assertCanRead(ctx);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findCustomer(tx, ctx.tenantId, id);
    if (!existing) throw notFound('Customer');
    if (!canUpdateCustomer(ctx.principal, existing)) {
      throw forbidden('Technicians can change only the customers they added themselves.');
    }
    const before = presentCustomer(existing, ctx.principal, (await labelsOf(tx, ctx.tenantId, [id])).get(id));
    const { labelIds, ...fields } = patch;
    const row = await updateRow(tx, ctx.tenantId, id, fields, now);
    if (labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'customer', id, labelIds);
    const after = presentCustomer(row!, ctx.principal, (await labelsOf(tx, ctx.tenantId, [id])).get(id));
    const changed = changedFields(patch, before, after);
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
