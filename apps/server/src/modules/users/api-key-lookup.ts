import type { Language, Principal, Role } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { apiKeyMatches, parseApiKey } from './api-key-format.js';

/**
 * Resolves a bearer API key to its system user. Runs before the tenant is known (an owner-role
 * lookup, like sessions). Revoked keys and deactivated system users are refused.
 */
export async function findPrincipalByApiKey(
  db: Queryable,
  key: string,
  now: Date,
): Promise<Principal | null> {
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const [row] = await db.query<{
    id: string;
    tenant_id: string;
    user_id: string;
    key_hash: string;
    last_used_at: Date | null;
    display_name: string;
    roles: Role[];
    language: Language;
    usable: boolean;
  }>(
    `select k.id, k.tenant_id, k.user_id, k.key_hash, k.last_used_at, u.display_name, u.roles, u.language,
            (u.deactivated_at is null and u.kind = 'system') as usable
       from api_keys k join users u on u.tenant_id = k.tenant_id and u.id = k.user_id
      where k.prefix = $1 and k.revoked_at is null`,
    [parsed.prefix],
  );
  if (!row || !row.usable || !apiKeyMatches(key, row.key_hash)) return null;
  // Last-used time at minute resolution: one write per key per minute at most.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.query('update api_keys set last_used_at = $2 where id = $1', [row.id, now]);
  }
  return {
    kind: 'system_user',
    userId: row.user_id,
    tenantId: row.tenant_id,
    name: row.display_name,
    roles: row.roles,
    language: row.language,
    apiKeyId: row.id,
  };
}
