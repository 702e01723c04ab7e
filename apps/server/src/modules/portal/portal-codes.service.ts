import type { AppDeps, ServiceContext } from '../../context.js';
import type { Transaction } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { forbidden, notFound } from '../../http/errors.js';
import { generateHumanCode, normalizeHumanCode } from '../../security/human-codes.js';
import { hashToken } from '../../security/secret-tokens.js';
import { audit } from '../audit/audit-recorder.js';
import { isManagerOrAbove } from '../users/roles.js';

/** 4 groups of 5 from a 31-character alphabet: about 99 bits, typed without ambiguous characters. */
export const newPortalCode = () => generateHumanCode(4, 5);
export const hashPortalCode = (code: string) => hashToken(`portal:${normalizeHumanCode(code)}`);

export type PortalStatus = {
  enabled: boolean;
  scope: 'customer' | 'location';
  requireInstallationToken: boolean;
  updatedAt: string | null;
};

type Target = { scope: 'customer'; customerId: string } | { scope: 'location'; locationId: string };

function assertCanManagePortal(ctx: ServiceContext) {
  if (!isManagerOrAbove(ctx.principal)) throw forbidden('Managers and administrators manage portal access.');
}

async function resolveTarget(tx: Transaction, tenantId: string, target: Target) {
  if (target.scope === 'customer') {
    const [c] = await tx.query<{ id: string }>('select id from customers where tenant_id = $1 and id = $2', [
      tenantId,
      target.customerId,
    ]);
    if (!c) throw notFound('Customer');
    return { customerId: c.id, locationId: null };
  }
  const [l] = await tx.query<{ id: string; customer_id: string }>(
    'select id, customer_id from locations where tenant_id = $1 and id = $2',
    [tenantId, target.locationId],
  );
  if (!l) throw notFound('Location');
  return { customerId: l.customer_id, locationId: l.id };
}

const ACCESS_WHERE = `tenant_id = $1 and scope = $2 and customer_id = $3 and location_id is not distinct from $4`;

/**
 * Enables the portal (or regenerates its code): the new code is returned once; every portal session
 * opened with the previous code ends. The application never emails the code itself.
 */
export async function issuePortalCode(
  deps: AppDeps,
  ctx: ServiceContext,
  target: Target,
  options: { requireInstallationToken?: boolean | undefined } = {},
): Promise<{ code: string; link: string; requireInstallationToken: boolean }> {
  assertCanManagePortal(ctx);
  const now = deps.now();
  const code = newPortalCode();
  const requireToken = target.scope === 'location' ? (options.requireInstallationToken ?? false) : false;
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const { customerId, locationId } = await resolveTarget(tx, ctx.tenantId, target);
    const [existing] = await tx.query<{ id: string }>(`select id from portal_access where ${ACCESS_WHERE}`, [
      ctx.tenantId,
      target.scope,
      customerId,
      locationId,
    ]);
    if (existing) {
      await tx.query(
        'update portal_sessions set ended_at = $3 where tenant_id = $1 and access_id = $2 and ended_at is null',
        [ctx.tenantId, existing.id, now],
      );
      await tx.query(
        'update portal_access set code_hash = $3, enabled = true, require_installation_token = $4, updated_at = $5 where tenant_id = $1 and id = $2',
        [ctx.tenantId, existing.id, hashPortalCode(code), requireToken, now],
      );
    } else {
      await tx.query(
        `insert into portal_access (tenant_id, scope, customer_id, location_id, code_hash, require_installation_token, created_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
        [
          ctx.tenantId,
          target.scope,
          customerId,
          locationId,
          hashPortalCode(code),
          requireToken,
          ctx.principal.userId,
          now,
        ],
      );
    }
    await audit(
      tx,
      ctx,
      {
        action: 'portal.code_issued',
        entityType: target.scope,
        entityId: locationId ?? customerId,
        details: { regenerated: Boolean(existing), requireInstallationToken: requireToken },
      },
      now,
    );
  });
  return {
    code,
    link: new URL(`/portal#code=${code}`, deps.config.publicUrl).toString(),
    requireInstallationToken: requireToken,
  };
}

/** Turns the portal off; its sessions end at once. */
export async function disablePortal(deps: AppDeps, ctx: ServiceContext, target: Target): Promise<void> {
  assertCanManagePortal(ctx);
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const { customerId, locationId } = await resolveTarget(tx, ctx.tenantId, target);
    const rows = await tx.query<{ id: string }>(
      `update portal_access set enabled = false, updated_at = $5 where ${ACCESS_WHERE} returning id`,
      [ctx.tenantId, target.scope, customerId, locationId, now],
    );
    for (const row of rows) {
      await tx.query(
        'update portal_sessions set ended_at = $3 where tenant_id = $1 and access_id = $2 and ended_at is null',
        [ctx.tenantId, row.id, now],
      );
    }
    await audit(
      tx,
      ctx,
      { action: 'portal.disabled', entityType: target.scope, entityId: locationId ?? customerId },
      now,
    );
  });
}

export async function portalStatus(
  deps: AppDeps,
  ctx: ServiceContext,
  target: Target,
): Promise<PortalStatus> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const { customerId, locationId } = await resolveTarget(tx, ctx.tenantId, target);
    const [row] = await tx.query<{ enabled: boolean; require_installation_token: boolean; updated_at: Date }>(
      `select enabled, require_installation_token, updated_at from portal_access where ${ACCESS_WHERE}`,
      [ctx.tenantId, target.scope, customerId, locationId],
    );
    return {
      enabled: row?.enabled ?? false,
      scope: target.scope,
      requireInstallationToken: row?.require_installation_token ?? false,
      updatedAt: row?.updated_at.toISOString() ?? null,
    };
  });
}
