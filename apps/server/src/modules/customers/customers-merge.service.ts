import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { labelsOf } from '../labels/label-assignments.js';
import { canDeleteCustomer } from './customers.policy.js';
import { deleteCustomer, findCustomer, updateCustomer, type CustomerRow } from './customers.repository.js';
import type { CustomerView } from './customers.schemas.js';
import { presentCustomer } from './customers.service.js';

/** Fields the kept customer takes over from the duplicate when it has none itself. */
const FILLABLE: Array<[keyof CustomerRow, string]> = [
  ['internal_name', 'internalName'],
  ['customer_number', 'customerNumber'],
  ['enterprise_number', 'enterpriseNumber'],
  ['vat_number', 'vatNumber'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['mobile', 'mobile'],
  ['website', 'website'],
];

/**
 * Merges a duplicate customer into the one to keep, in one transaction: the duplicate's locations
 * (with their buildings and installations, hence their logbooks) and labels move over, empty fields
 * are filled from the duplicate, and the duplicate is removed. Audited on the kept customer.
 */
export async function mergeCustomers(
  deps: AppDeps,
  ctx: ServiceContext,
  keepId: string,
  duplicateId: string,
): Promise<CustomerView> {
  if (!canDeleteCustomer(ctx.principal)) throw forbidden('Only managers and administrators merge customers.');
  if (keepId === duplicateId)
    throw fieldError('duplicateId', 'A customer cannot be merged into itself.', 'same_customer');
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const keep = await findCustomer(tx, ctx.tenantId, keepId);
    if (!keep) throw notFound('Customer');
    const duplicate = await findCustomer(tx, ctx.tenantId, duplicateId);
    if (!duplicate)
      throw new AppError('not_found', 'The duplicate customer was not found.', {
        errors: [{ field: 'duplicateId', message: 'Not found.' }],
      });

    const fill = Object.fromEntries(
      FILLABLE.filter(([column]) => !keep[column] && duplicate[column]).map(([column, field]) => [
        field,
        duplicate[column],
      ]),
    );
    const movedLocations = await tx.query(
      'update locations set customer_id = $3, version = version + 1, updated_at = $4 where tenant_id = $1 and customer_id = $2 returning id',
      [ctx.tenantId, duplicateId, keepId, now],
    );
    const movedInstallations = await tx.query(
      'update installations set customer_id = $3, version = version + 1, updated_at = $4 where tenant_id = $1 and customer_id = $2 returning id',
      [ctx.tenantId, duplicateId, keepId, now],
    );
    await tx.query(
      `insert into label_assignments (tenant_id, label_id, entity_id)
       select tenant_id, label_id, $3 from label_assignments where tenant_id = $1 and entity_id = $2
       on conflict do nothing`,
      [ctx.tenantId, duplicateId, keepId],
    );
    await tx.query('delete from label_assignments where tenant_id = $1 and entity_id = $2', [
      ctx.tenantId,
      duplicateId,
    ]);
    const movedWorkOrders = await tx.query(
      'update work_orders set customer_id = $3, version = version + 1, updated_at = $4 where tenant_id = $1 and customer_id = $2 returning id',
      [ctx.tenantId, duplicateId, keepId, now],
    );
    await tx.query('update forecasts set customer_id = $3 where tenant_id = $1 and customer_id = $2', [
      ctx.tenantId,
      duplicateId,
      keepId,
    ]);
    await deleteCustomer(tx, ctx.tenantId, duplicateId);
    const row = await updateCustomer(tx, ctx.tenantId, keepId, fill, now);
    await audit(
      tx,
      ctx,
      {
        action: 'customer.merged',
        entityType: 'customer',
        entityId: keepId,
        details: {
          duplicateId,
          duplicateName: duplicate.name,
          movedLocations: movedLocations.length,
          movedInstallations: movedInstallations.length,
          movedWorkOrders: movedWorkOrders.length,
          filledFields: Object.keys(fill),
        },
      },
      now,
    );
    return presentCustomer(row!, ctx.principal, (await labelsOf(tx, ctx.tenantId, [keepId])).get(keepId));
  });
}
