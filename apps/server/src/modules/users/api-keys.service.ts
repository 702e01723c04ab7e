import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { generateApiKey } from './api-key-format.js';
import { assertCanManageUsers } from './users.policy.js';
import { findUser } from './users.repository.js';

export type ApiKeyView = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

type ApiKeyRow = {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const present = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: `clk_${row.prefix}`,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

const COLUMNS = 'id, user_id, name, prefix, created_at, last_used_at, revoked_at';

export async function listApiKeys(deps: AppDeps, ctx: ServiceContext, userId: string): Promise<ApiKeyView[]> {
  assertCanManageUsers(ctx.principal);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    if (!(await findUser(tx, ctx.tenantId, userId))) throw notFound('User');
    const rows = await tx.query<ApiKeyRow>(
      `select ${COLUMNS} from api_keys where tenant_id = $1 and user_id = $2 order by created_at desc`,
      [ctx.tenantId, userId],
    );
    return rows.map(present);
  });
}

/** Creates a key for a system user; the full key is in this response only. */
export async function createApiKey(
  deps: AppDeps,
  ctx: ServiceContext,
  userId: string,
  input: { name: string },
): Promise<ApiKeyView & { key: string }> {
  assertCanManageUsers(ctx.principal);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const user = await findUser(tx, ctx.tenantId, userId);
    if (!user) throw notFound('User');
    if (user.kind !== 'system')
      throw new AppError('conflict', 'API keys belong to system users. Create a system user first.', {
        reason: 'not_system_user',
      });
    if (user.deactivated_at)
      throw new AppError('conflict', 'Reactivate the system user first.', { reason: 'deactivated' });
    const { key, prefix, hash } = generateApiKey();
    const [row] = await tx.query<ApiKeyRow>(
      `insert into api_keys (tenant_id, user_id, name, prefix, key_hash, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
      [ctx.tenantId, userId, input.name, prefix, hash, ctx.principal.userId, now],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'api_key.created',
        entityType: 'api_key',
        entityId: row!.id,
        details: { userId, name: input.name },
      },
      now,
    );
    return { ...present(row!), key };
  });
}

export async function revokeApiKey(
  deps: AppDeps,
  ctx: ServiceContext,
  userId: string,
  keyId: string,
): Promise<ApiKeyView> {
  assertCanManageUsers(ctx.principal);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<ApiKeyRow>(
      `update api_keys set revoked_at = coalesce(revoked_at, $4)
        where tenant_id = $1 and user_id = $2 and id = $3 returning ${COLUMNS}`,
      [ctx.tenantId, userId, keyId, now],
    );
    if (!row) throw notFound('API key');
    await audit(
      tx,
      ctx,
      { action: 'api_key.revoked', entityType: 'api_key', entityId: keyId, details: { userId } },
      now,
    );
    return present(row);
  });
}
