import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { createCustomer, updateCustomer } from '../customers/customers.service.js';
import { createInstallation, updateInstallationById } from '../installations/installations.service.js';
import { createLocation, updateLocationById } from '../locations/locations.service.js';
import type { ImportKind } from './import-columns.js';
import { resolveReference, type PreparedRow } from './import-rows.js';

export type RowOutcome = { result: 'created' | 'updated' } | { result: 'failed'; errors: FieldError[] };

/** Finds the record a re-imported row updates: by customer number or external reference. */
async function existingId(
  deps: AppDeps,
  tenantId: string,
  kind: ImportKind,
  body: Record<string, unknown>,
): Promise<string | null> {
  const key = kind === 'customers' ? body.customerNumber : body.externalReference;
  if (typeof key !== 'string' || key === '') return null;
  const sql = {
    customers: 'select id from customers where tenant_id = $1 and customer_number = $2 limit 2',
    locations: 'select id from locations where tenant_id = $1 and external_reference = $2 limit 2',
    installations: 'select id from installations where tenant_id = $1 and external_reference = $2 limit 2',
  }[kind];
  const rows = await withTenant(deps.db, tenantId, (tx) => tx.query<{ id: string }>(sql, [tenantId, key]));
  return rows.length === 1 ? rows[0]!.id : null;
}

/**
 * Imports one row through the regular services (same validation, audit and forecasts as the API):
 * a re-imported row updates the record it matches instead of adding a duplicate.
 */
export async function importRow(
  deps: AppDeps,
  ctx: ServiceContext,
  kind: ImportKind,
  prepared: PreparedRow,
): Promise<RowOutcome> {
  if (prepared.errors.length > 0) return { result: 'failed', errors: prepared.errors };
  try {
    const reference = await withTenant(deps.db, ctx.tenantId, (tx) =>
      resolveReference(tx, ctx.tenantId, kind, prepared),
    );
    if (reference.error) return { result: 'failed', errors: [reference.error] };
    const body = prepared.body;
    const id = await existingId(deps, ctx.tenantId, kind, body);
    if (kind === 'customers') {
      if (id) await updateCustomer(deps, ctx, id, body as never);
      else await createCustomer(deps, ctx, body as never);
    } else if (kind === 'locations') {
      if (id) await updateLocationById(deps, ctx, id, body as never);
      else await createLocation(deps, ctx, { ...body, customerId: reference.id } as never);
    } else {
      if (id) await updateInstallationById(deps, ctx, id, body as never);
      else await createInstallation(deps, ctx, { ...body, locationId: reference.id } as never);
    }
    return { result: id ? 'updated' : 'created' };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        result: 'failed',
        errors: error.errors.length
          ? error.errors
          : [{ field: '', message: error.message, code: error.code }],
      };
    }
    throw error;
  }
}
