import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { inBatch, withTenant } from '../../db/tenant-scope.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { addCustomer, updateCustomer } from '../customers/customers.service.js';
import { addInstallation, updateInstallationById } from '../installations/installations.service.js';
import { addLocation, updateLocationById } from '../locations/locations.service.js';
import type { ImportKind } from './import-columns.js';
import { resolveReference, type PreparedRow } from './import-rows.js';

export type RowOutcome = { result: 'created' | 'updated' } | { result: 'failed'; errors: FieldError[] };

/** Finds the record a re-imported row updates: by customer number or external reference. */
async function existingId(
  tx: Queryable,
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
  const rows = await tx.query<{ id: string }>(sql, [tenantId, key]);
  return rows.length === 1 ? rows[0]!.id : null;
}

/**
 * Imports one row through the regular services (same validation, audit and forecasts as the API),
 * in one tenant transaction (in an import batch, a savepoint of it: a failed row is undone alone).
 * A re-imported row updates the record it matches instead of adding a duplicate.
 */
export async function importRow(
  deps: AppDeps,
  ctx: ServiceContext,
  kind: ImportKind,
  prepared: PreparedRow,
): Promise<RowOutcome> {
  // The update services open tenant transactions of their own: outside a batch they would wait for this one.
  if (!inBatch(deps.db, ctx.tenantId)) throw new Error('importRow runs inside withTenantBatch');
  if (prepared.errors.length > 0) return { result: 'failed', errors: prepared.errors };
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx): Promise<RowOutcome> => {
      const reference = await resolveReference(tx, ctx.tenantId, kind, prepared);
      if (reference.error) return { result: 'failed', errors: [reference.error] };
      const body = prepared.body;
      const id = await existingId(tx, ctx.tenantId, kind, body);
      // Updates go through the API's own update services (they join this transaction).
      if (kind === 'customers') {
        if (id) await updateCustomer(deps, ctx, id, body as never);
        else await addCustomer(tx, deps, ctx, body as never);
      } else if (kind === 'locations') {
        if (id) await updateLocationById(deps, ctx, id, body as never);
        else await addLocation(tx, deps, ctx, { ...body, customerId: reference.id } as never);
      } else {
        if (id) await updateInstallationById(deps, ctx, id, body as never);
        else await addInstallation(tx, deps, ctx, { ...body, locationId: reference.id } as never);
      }
      return { result: id ? 'updated' : 'created' };
    });
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
