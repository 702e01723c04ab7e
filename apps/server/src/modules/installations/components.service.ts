import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { canUpdateCustomer } from '../customers/customers.policy.js';
import { componentsOf, findInstallation } from './installations.repository.js';
import type { ComponentInput } from './installations.schemas.js';

type ComponentView = {
  id: string;
  kind: string;
  brand: string;
  model: string;
  serialNumber: string;
  notes: string;
};

/**
 * Components (compressor, indoor units, …) feed the instruction card. Whoever may change the
 * installation may change its components.
 */
async function withEditableInstallation<T>(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  fn: Parameters<typeof withTenant<T>>[2],
) {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const installation = await findInstallation(tx, ctx.tenantId, installationId);
    if (!installation) throw notFound('Installation');
    if (!canUpdateCustomer(ctx.principal, installation))
      throw forbidden('Technicians can change only the installations they added themselves.');
    return fn(tx);
  });
}

export async function addComponent(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  input: ComponentInput,
): Promise<ComponentView[]> {
  const now = deps.now();
  return withEditableInstallation(deps, ctx, installationId, async (tx) => {
    await tx.query(
      `insert into installation_components (tenant_id, installation_id, kind, brand, model, serial_number, notes, position, created_at)
       values ($1, $2, $3, $4, $5, $6, $7,
         (select coalesce(max(position), -1) + 1 from installation_components where tenant_id = $1 and installation_id = $2), $8)`,
      [
        ctx.tenantId,
        installationId,
        input.kind,
        input.brand,
        input.model,
        input.serialNumber,
        input.notes,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'installation.updated',
        entityType: 'installation',
        entityId: installationId,
        details: { component: 'added', kind: input.kind },
      },
      now,
    );
    return list(tx, ctx.tenantId, installationId);
  });
}

export async function updateComponent(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  componentId: string,
  input: ComponentInput,
): Promise<ComponentView[]> {
  const now = deps.now();
  return withEditableInstallation(deps, ctx, installationId, async (tx) => {
    const rows = await tx.query(
      `update installation_components set kind = $4, brand = $5, model = $6, serial_number = $7, notes = $8
        where tenant_id = $1 and installation_id = $2 and id = $3 returning id`,
      [
        ctx.tenantId,
        installationId,
        componentId,
        input.kind,
        input.brand,
        input.model,
        input.serialNumber,
        input.notes,
      ],
    );
    if (rows.length === 0) throw notFound('Component');
    await audit(
      tx,
      ctx,
      {
        action: 'installation.updated',
        entityType: 'installation',
        entityId: installationId,
        details: { component: 'changed' },
      },
      now,
    );
    return list(tx, ctx.tenantId, installationId);
  });
}

export async function removeComponent(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  componentId: string,
): Promise<ComponentView[]> {
  const now = deps.now();
  return withEditableInstallation(deps, ctx, installationId, async (tx) => {
    const rows = await tx.query(
      'delete from installation_components where tenant_id = $1 and installation_id = $2 and id = $3 returning id',
      [ctx.tenantId, installationId, componentId],
    );
    if (rows.length === 0) throw notFound('Component');
    await audit(
      tx,
      ctx,
      {
        action: 'installation.updated',
        entityType: 'installation',
        entityId: installationId,
        details: { component: 'removed' },
      },
      now,
    );
    return list(tx, ctx.tenantId, installationId);
  });
}

async function list(
  tx: Parameters<typeof componentsOf>[0],
  tenantId: string,
  installationId: string,
): Promise<ComponentView[]> {
  return ((await componentsOf(tx, tenantId, [installationId])).get(installationId) ?? []).map((c) => ({
    id: c.id,
    kind: c.kind,
    brand: c.brand,
    model: c.model,
    serialNumber: c.serial_number,
    notes: c.notes,
  }));
}
