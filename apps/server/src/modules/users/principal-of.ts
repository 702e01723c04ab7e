import type { AppDeps, Principal } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';

/** Background work (imports, sending) acts as the person who started it, with their roles. */
export async function principalOf(
  deps: AppDeps,
  tenantId: string,
  userId: string | null,
): Promise<Principal> {
  const [user] = await withTenant(deps.db, tenantId, (tx) =>
    tx.query<{
      id: string;
      first_name: string;
      last_name: string;
      roles: Principal['roles'];
      language: Principal['language'];
    }>(
      'select id, first_name, last_name, roles, language from users where tenant_id = $1 and id = $2 and deactivated_at is null',
      [tenantId, userId],
    ),
  );
  if (!user) throw new Error('The user who started this work no longer exists or was deactivated');
  return {
    kind: 'user',
    userId: user.id,
    tenantId,
    name: `${user.first_name} ${user.last_name}`.trim(),
    roles: user.roles,
    language: user.language,
  };
}
