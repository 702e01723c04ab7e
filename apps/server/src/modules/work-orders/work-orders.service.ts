import type { AppDeps, Principal, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { pageFrom } from '../../http/cursor.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { cursorKeyOf, positionFromCursor, positionOf, type Position } from '../../http/list-sort.js';
import { assertVersion, isEmptyPatch } from '../../http/row-version.js';
import { audit } from '../audit/audit-recorder.js';
import { installationsOfWorkOrder, refreshInstallationForecasts } from '../forecasts/forecast-store.js';
import { canReadCustomers } from '../customers/customers.policy.js';
import { labelsOf, setLabels } from '../labels/label-assignments.js';
import { isManagerOrAbove } from '../users/roles.js';
import {
  activitiesOf,
  applyCylinderMovements,
  replaceActivities,
  reverseCylinderMovements,
  validateActivities,
} from './activities.writer.js';
import { checkSignatures, replaceProducts, replaceSignatures } from './work-order-parts.js';
import {
  findWorkOrder,
  installationIdsOf,
  listWorkOrders,
  nextNumber,
  productsOf,
  signaturesOf,
  WORK_ORDER_SORTS,
  type WorkOrderFilter,
  type WorkOrderSort,
  type WorkOrderRow,
} from './work-orders.repository.js';
import type { WorkOrderInput, WorkOrderPatch, WorkOrderView } from './work-orders.schemas.js';

const today = (deps: AppDeps) => deps.now().toISOString().slice(0, 10);

/** Technicians change the work orders they execute or created; managers and administrators all. */
const canUpdate = (p: Principal, w: Pick<WorkOrderRow, 'executor_id' | 'created_by'>) =>
  isManagerOrAbove(p) || w.executor_id === p.userId || w.created_by === p.userId;
/** An executed work order is part of the legal logbook: it is corrected or cancelled, never deleted. */
const canDelete = (p: Principal, w: Pick<WorkOrderRow, 'status'>) =>
  isManagerOrAbove(p) && w.status !== 'executed';

export async function presentWorkOrders(
  tx: Queryable,
  ctx: ServiceContext,
  rows: WorkOrderRow[],
): Promise<WorkOrderView[]> {
  const ids = rows.map((r) => r.id);
  const installations = await installationIdsOf(tx, ctx.tenantId, ids);
  const activities = await activitiesOf(tx, ctx.tenantId, ids);
  const labels = await labelsOf(tx, ctx.tenantId, ids);
  const products = await productsOf(tx, ctx.tenantId, ids);
  const signatures = await signaturesOf(tx, ctx.tenantId, ids);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    status: r.status,
    plannedOn: r.planned_on,
    executedOn: r.executed_on,
    executorId: r.executor_id,
    executorName: r.executor_name,
    notes: r.notes,
    installationIds: installations.get(r.id) ?? [],
    activities: activities.get(r.id) ?? [],
    labels: labels.get(r.id) ?? [],
    products: products.get(r.id) ?? [],
    signatures: signatures.get(r.id) ?? [],
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    createdBy: r.created_by,
    abilities: { update: canUpdate(ctx.principal, r), delete: canDelete(ctx.principal, r) },
  }));
}

type State = {
  status: WorkOrderView['status'];
  plannedOn: string | null;
  executedOn: string | null;
  executorId: string | null;
};

/** Date and executor rules: executed work has a date that is not in the future and a technician. */
async function checkState(tx: Queryable, deps: AppDeps, tenantId: string, s: State): Promise<void> {
  if (s.status === 'executed' && !s.executedOn)
    throw fieldError('executedOn', 'Executed work needs the date it was done.', 'required');
  const tomorrow = new Date(deps.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  if (s.executedOn && s.executedOn > tomorrow)
    throw fieldError('executedOn', 'Executed work cannot be dated in the future.', 'future_date');
  if (s.executorId) {
    const [user] = await tx.query<{ roles: string[]; deactivated_at: Date | null; kind: string }>(
      'select roles, deactivated_at, kind from users where tenant_id = $1 and id = $2',
      [tenantId, s.executorId],
    );
    if (!user || user.kind !== 'person' || user.deactivated_at || !user.roles.includes('technician')) {
      throw fieldError(
        'executorId',
        'The executor must be an active user with the technician role.',
        'not_a_technician',
      );
    }
  }
}

/** The installations of a work order: all of this account, of one customer, not archived. */
async function loadInstallations(tx: Queryable, tenantId: string, ids: readonly string[]) {
  const rows = await tx.query<{
    id: string;
    customer_id: string;
    refrigerant: string | null;
    archived_at: Date | null;
  }>(
    'select id, customer_id, refrigerant, archived_at from installations where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, ids],
  );
  if (rows.length !== ids.length)
    throw fieldError('installationIds', 'Every installation must exist in this account.', 'not_found');
  if (new Set(rows.map((r) => r.customer_id)).size > 1) {
    throw fieldError(
      'installationIds',
      'A work order is for the installations of one customer.',
      'several_customers',
    );
  }
  if (rows.some((r) => r.archived_at))
    throw fieldError('installationIds', 'Archived installations get no new work.', 'archived');
  return { customerId: rows[0]!.customer_id, byId: new Map(rows.map((r) => [r.id, r])) };
}

export async function listWorkOrdersPage(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<WorkOrderFilter, 'after'> & {
    sort: WorkOrderSort;
    cursor?: string | undefined;
    mine: 'true' | 'false';
  },
) {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  const after = positionFromCursor(WORK_ORDER_SORTS, query.sort, query.cursor);
  const filter = { ...query, executorId: query.mine === 'true' ? ctx.principal.userId : query.executorId };
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listWorkOrders(tx, ctx.tenantId, { ...filter, after, limit: query.limit + 1 });
    const page = pageFrom(rows, query.limit, (r) => r, cursorKeyOf(query.sort));
    return { items: await presentWorkOrders(tx, ctx, page.items), nextCursor: page.nextCursor };
  });
}

export async function getWorkOrder(deps: AppDeps, ctx: ServiceContext, id: string): Promise<WorkOrderView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findWorkOrder(tx, ctx.tenantId, id);
    if (!row) throw notFound('Work order');
    await audit(tx, ctx, { action: 'work_order.viewed', entityType: 'work_order', entityId: id }, deps.now());
    return (await presentWorkOrders(tx, ctx, [row]))[0]!;
  });
}

export async function createWorkOrder(
  deps: AppDeps,
  ctx: ServiceContext,
  input: WorkOrderInput,
): Promise<WorkOrderView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  if (input.signatures) checkSignatures(input.signatures);
  const now = deps.now();
  const state: State = {
    status: input.status ?? 'to_be_executed',
    plannedOn: input.plannedOn ?? null,
    executedOn: input.executedOn ?? null,
    // Executed work records who did it: a technician entering their own work is its executor.
    executorId:
      input.executorId ??
      ((input.status ?? 'to_be_executed') === 'executed' && ctx.principal.roles.includes('technician')
        ? ctx.principal.userId
        : null),
  };
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await checkState(tx, deps, ctx.tenantId, state);
    const installations = await loadInstallations(tx, ctx.tenantId, input.installationIds);
    await validateActivities(
      tx,
      ctx.tenantId,
      input.activities ?? [],
      installations.byId,
      state.status === 'executed',
    );
    const number = await nextNumber(tx, ctx.tenantId, 'work_order');
    const [row] = await tx.query<{ id: string }>(
      `insert into work_orders (tenant_id, number, customer_id, status, planned_on, executed_on, executor_id, notes, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id`,
      [
        ctx.tenantId,
        number,
        installations.customerId,
        state.status,
        state.plannedOn,
        state.executedOn,
        state.executorId,
        input.notes ?? '',
        ctx.principal.userId,
        now,
      ],
    );
    const id = row!.id;
    for (const installationId of input.installationIds) {
      await tx.query(
        'insert into work_order_installations (tenant_id, work_order_id, installation_id) values ($1, $2, $3)',
        [ctx.tenantId, id, installationId],
      );
    }
    await replaceActivities(tx, ctx.tenantId, id, input.activities ?? []);
    if (state.status === 'executed')
      await applyCylinderMovements(tx, ctx.tenantId, id, ctx.principal.userId, now);
    if (input.labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'work_order', id, input.labelIds);
    if (input.products) await replaceProducts(tx, ctx.tenantId, id, input.products);
    if (input.signatures) await replaceSignatures(tx, ctx.tenantId, id, input.signatures, now);
    await refreshInstallationForecasts(tx, ctx.tenantId, input.installationIds, today(deps), now);
    await audit(
      tx,
      ctx,
      {
        action: 'work_order.created',
        entityType: 'work_order',
        entityId: id,
        details: { number, status: state.status },
      },
      now,
    );
    return (await presentWorkOrders(tx, ctx, [(await findWorkOrder(tx, ctx.tenantId, id))!]))[0]!;
  });
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateWorkOrder(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: WorkOrderPatch,
  expectedVersion?: number,
): Promise<WorkOrderView> {
  if (patch.signatures) checkSignatures(patch.signatures);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findWorkOrder(tx, ctx.tenantId, id, true);
    if (!existing) throw notFound('Work order');
    if (!canUpdate(ctx.principal, existing))
      throw forbidden('Technicians change only the work orders they execute or created.');
    assertVersion(existing.version, expectedVersion, 'this work order');
    if (isEmptyPatch(patch)) return (await presentWorkOrders(tx, ctx, [existing]))[0]!;
    const state: State = {
      status: patch.status ?? existing.status,
      plannedOn: patch.plannedOn === undefined ? existing.planned_on : patch.plannedOn,
      executedOn: patch.executedOn === undefined ? existing.executed_on : patch.executedOn,
      executorId: patch.executorId === undefined ? existing.executor_id : patch.executorId,
    };
    await checkState(tx, deps, ctx.tenantId, state);
    const previousInstallations = await installationsOfWorkOrder(tx, ctx.tenantId, id);
    const installationIds = patch.installationIds ?? previousInstallations;
    const installations = await loadInstallations(tx, ctx.tenantId, installationIds);
    if (installations.customerId !== existing.customer_id) {
      throw fieldError('installationIds', 'A work order stays with its customer.', 'other_customer');
    }
    const activities =
      patch.activities ??
      (patch.installationIds || state.status === 'executed'
        ? await currentActivities(tx, ctx, id)
        : undefined);
    if (activities)
      await validateActivities(tx, ctx.tenantId, activities, installations.byId, state.status === 'executed');

    // Refrigerant movements follow the work order: undone, then redone from the new state.
    await reverseCylinderMovements(tx, ctx.tenantId, id, ctx.principal.userId, now);
    if (patch.installationIds) {
      await tx.query('delete from work_order_installations where tenant_id = $1 and work_order_id = $2', [
        ctx.tenantId,
        id,
      ]);
      for (const installationId of patch.installationIds) {
        await tx.query(
          'insert into work_order_installations (tenant_id, work_order_id, installation_id) values ($1, $2, $3)',
          [ctx.tenantId, id, installationId],
        );
      }
    }
    if (patch.activities) await replaceActivities(tx, ctx.tenantId, id, patch.activities);
    await tx.query(
      `update work_orders set status = $3, planned_on = $4, executed_on = $5, executor_id = $6, notes = coalesce($7, notes),
          version = version + 1, updated_at = $8
        where tenant_id = $1 and id = $2`,
      [
        ctx.tenantId,
        id,
        state.status,
        state.plannedOn,
        state.executedOn,
        state.executorId,
        patch.notes ?? null,
        now,
      ],
    );
    if (state.status === 'executed')
      await applyCylinderMovements(tx, ctx.tenantId, id, ctx.principal.userId, now);
    if (patch.labelIds) await setLabels(tx, ctx.tenantId, ctx.principal, 'work_order', id, patch.labelIds);
    if (patch.products) await replaceProducts(tx, ctx.tenantId, id, patch.products);
    if (patch.signatures) await replaceSignatures(tx, ctx.tenantId, id, patch.signatures, now);
    const touched = [...new Set([...previousInstallations, ...installationIds])];
    await refreshInstallationForecasts(tx, ctx.tenantId, touched, today(deps), now);
    const changed = Object.keys(patch).filter((k) => k !== 'version');
    await audit(
      tx,
      ctx,
      {
        action: 'work_order.updated',
        entityType: 'work_order',
        entityId: id,
        details: { changed, status: state.status },
      },
      now,
    );
    return (await presentWorkOrders(tx, ctx, [(await findWorkOrder(tx, ctx.tenantId, id))!]))[0]!;
  });
}

/** The stored activities as input again, to re-validate them (new installations, or now executed). */
async function currentActivities(tx: Queryable, ctx: ServiceContext, id: string) {
  const views = (await activitiesOf(tx, ctx.tenantId, [id])).get(id) ?? [];
  return views.map(
    (a) =>
      ({
        ...a.details,
        type: a.type,
        installationId: a.installationId,
        ...(a.result ? { result: a.result } : {}),
        ...(a.refrigerant ? { refrigerant: a.refrigerant, quantityKg: a.quantityKg } : {}),
        ...(a.cylinderId ? { cylinderId: a.cylinderId } : {}),
      }) as Parameters<typeof validateActivities>[2][number],
  );
}

export async function deleteWorkOrder(deps: AppDeps, ctx: ServiceContext, id: string): Promise<void> {
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findWorkOrder(tx, ctx.tenantId, id, true);
    if (!existing) throw notFound('Work order');
    if (existing.status === 'executed') {
      throw new AppError(
        'conflict',
        'An executed work order is part of the logbook: correct it or set it to cancelled.',
        { reason: 'executed' },
      );
    }
    if (!canDelete(ctx.principal, existing))
      throw forbidden('Only managers and administrators delete work orders.');
    await tx.query('delete from label_assignments where tenant_id = $1 and entity_id = $2', [
      ctx.tenantId,
      id,
    ]);
    const touched = await installationsOfWorkOrder(tx, ctx.tenantId, id);
    await tx.query('delete from work_orders where tenant_id = $1 and id = $2', [ctx.tenantId, id]);
    await refreshInstallationForecasts(tx, ctx.tenantId, touched, today(deps), now);
    await audit(
      tx,
      ctx,
      {
        action: 'work_order.deleted',
        entityType: 'work_order',
        entityId: id,
        details: { number: existing.number },
      },
      now,
    );
  });
}

/** Batches of the filtered list for the spreadsheet export; the export is recorded first. */
export async function* exportWorkOrders(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<WorkOrderFilter, 'after' | 'limit'> & { mine: 'true' | 'false' },
): AsyncGenerator<WorkOrderView[]> {
  if (!isManagerOrAbove(ctx.principal)) throw forbidden('Exports are for managers and administrators.');
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      {
        action: 'export.created',
        entityType: 'export',
        details: { resource: 'work_orders', format: 'xlsx' },
      },
      deps.now(),
    ),
  );
  const filter = { ...query, executorId: query.mine === 'true' ? ctx.principal.userId : query.executorId };
  let after: Position | undefined;
  for (;;) {
    const batch = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const rows = await listWorkOrders(tx, ctx.tenantId, { ...filter, after, limit: 500 });
      return { rows, views: await presentWorkOrders(tx, ctx, rows) };
    });
    if (batch.rows.length === 0) return;
    yield batch.views;
    after = positionOf(batch.rows.at(-1)!);
  }
}
