import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { forbidden, notFound } from '../../http/errors.js';
import { canReadCustomers } from '../customers/customers.policy.js';
import { findInstallation } from '../installations/installations.repository.js';
import { listWorkOrders } from './work-orders.repository.js';
import { presentWorkOrders } from './work-orders.service.js';
import type { WorkOrderView } from './work-orders.schemas.js';

export type LogbookFilter = 'all' | 'executed' | 'to_be_executed' | 'mine';

/**
 * The logbook of one installation: its work orders in time order, each with only the activities on
 * this installation.
 */
export async function installationLogbook(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  filter: LogbookFilter,
  order: 'asc' | 'desc',
): Promise<{ items: WorkOrderView[] }> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    if (!(await findInstallation(tx, ctx.tenantId, installationId))) throw notFound('Installation');
    const rows = await listWorkOrders(tx, ctx.tenantId, {
      installationId,
      status: filter === 'executed' || filter === 'to_be_executed' ? filter : undefined,
      executorId: filter === 'mine' ? ctx.principal.userId : undefined,
      limit: 10_000,
    });
    const items = (await presentWorkOrders(tx, ctx, rows)).map((w) => ({
      ...w,
      activities: w.activities.filter((a) => a.installationId === installationId),
    }));
    return { items: order === 'asc' ? items.reverse() : items };
  });
}
