import type { AppDeps } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError } from '../../http/errors.js';
import { abilitiesOf } from '../users/roles.js';
import { findUser } from '../users/users.repository.js';
import type { SessionRecord } from './session-store.js';

/** What the web app needs after sign-in: who, which account, what they may do, the CSRF token. */
export async function describeSession(deps: AppDeps, session: SessionRecord) {
  return withTenant(deps.db, session.tenantId, async (tx) => {
    const user = await findUser(tx, session.tenantId, session.userId);
    const [tenant] = await tx.query<{
      id: string;
      name: string;
      kind: 'service' | 'connect';
      require_two_factor: boolean;
    }>('select id, name, kind, require_two_factor from tenants where id = $1', [session.tenantId]);
    if (!user || !tenant) throw new AppError('unauthenticated', 'Sign in to continue.');
    const active = session.stage === 'active';
    return {
      stage: session.stage,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      user: {
        id: user.id,
        firstName: user.first_name,
        lastName: user.last_name,
        email: user.email,
        language: user.language,
        roles: user.roles,
        twoFactorEnabled: user.totp_enabled_at !== null,
      },
      account: {
        id: tenant.id,
        name: tenant.name,
        kind: tenant.kind,
        requireTwoFactor: tenant.require_two_factor,
      },
      // Until the second step is done, nothing is allowed.
      abilities: abilitiesOf({ roles: active ? user.roles : [] }),
    };
  });
}
