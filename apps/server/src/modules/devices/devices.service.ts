import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { isAdministrator } from '../users/roles.js';

export type DeviceView = {
  id: string;
  userId: string;
  installationId: string;
  name: string;
  appVersion: string;
  os: string;
  firstSeenAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
};

type DeviceRow = {
  id: string;
  user_id: string;
  installation_id: string;
  name: string;
  app_version: string;
  os: string;
  first_seen_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
};

const present = (d: DeviceRow): DeviceView => ({
  id: d.id,
  userId: d.user_id,
  installationId: d.installation_id,
  name: d.name,
  appVersion: d.app_version,
  os: d.os,
  firstSeenAt: d.first_seen_at.toISOString(),
  lastSeenAt: d.last_seen_at.toISOString(),
  revokedAt: d.revoked_at?.toISOString() ?? null,
});

/** Administrators see everybody's devices; a user sees their own. */
export async function listDevices(
  deps: AppDeps,
  ctx: ServiceContext,
  userId: string | undefined,
): Promise<DeviceView[]> {
  const target = userId ?? ctx.principal.userId;
  if (target !== ctx.principal.userId && !isAdministrator(ctx.principal))
    throw forbidden('Only administrators see other users’ devices.');
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await tx.query<DeviceRow>(
      'select * from devices where tenant_id = $1 and ($2::uuid is null or user_id = $2::uuid) order by last_seen_at desc',
      [ctx.tenantId, userId ? target : isAdministrator(ctx.principal) ? null : target],
    );
    return rows.map(present);
  });
}

/** Revoking a device signs it out at its next request: its tokens stop working. */
export async function revokeDevice(deps: AppDeps, ctx: ServiceContext, id: string): Promise<DeviceView> {
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [device] = await tx.query<DeviceRow>('select * from devices where tenant_id = $1 and id = $2', [
      ctx.tenantId,
      id,
    ]);
    if (!device || (device.user_id !== ctx.principal.userId && !isAdministrator(ctx.principal)))
      throw notFound('Device');
    const [row] = await tx.query<DeviceRow>(
      'update devices set revoked_at = coalesce(revoked_at, $3) where tenant_id = $1 and id = $2 returning *',
      [ctx.tenantId, id, now],
    );
    await tx.query(
      'update device_tokens set revoked_at = $3 where tenant_id = $1 and device_id = $2 and revoked_at is null',
      [ctx.tenantId, id, now],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'device.revoked',
        entityType: 'device',
        entityId: id,
        details: { userId: device.user_id, name: device.name },
      },
      now,
    );
    return present(row!);
  });
}
