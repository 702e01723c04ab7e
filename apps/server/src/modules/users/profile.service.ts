import type { AppDeps, Language, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { hashPassword, verifyPassword } from '../../security/password-hashing.js';
import { assertPasswordAllowed } from '../accounts/accounts.service.js';
import { audit } from '../audit/audit-recorder.js';
import { changedFields } from '../audit/changed-fields.js';
import { endUserSessions } from '../auth/session-store.js';
import { presentUser, type UserView } from './users.presenter.js';
import { findUser } from './users.repository.js';

/** The signed-in user's own profile: name and language; the password with the current one. */
export async function updateProfile(
  deps: AppDeps,
  ctx: ServiceContext,
  patch: {
    firstName?: string | undefined;
    lastName?: string | undefined;
    language?: Language | undefined;
    certificateNumber?: string | null | undefined;
  },
): Promise<UserView> {
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const existing = await findUser(tx, ctx.tenantId, ctx.principal.userId);
    if (!existing) throw notFound('User');
    await tx.query(
      `update users set first_name = coalesce($3, first_name), last_name = coalesce($4, last_name),
          language = coalesce($5, language), updated_at = $6,
          certificate_number = case when $7 then $8 else certificate_number end
        where tenant_id = $1 and id = $2`,
      [
        ctx.tenantId,
        ctx.principal.userId,
        patch.firstName ?? null,
        patch.lastName ?? null,
        patch.language ?? null,
        now,
        patch.certificateNumber !== undefined,
        patch.certificateNumber ?? null,
      ],
    );
    const user = await findUser(tx, ctx.tenantId, ctx.principal.userId);
    if (!user) throw notFound('User');
    const changed = changedFields(patch, presentUser(existing), presentUser(user));
    await audit(
      tx,
      ctx,
      {
        action: 'user.updated',
        entityType: 'user',
        entityId: ctx.principal.userId,
        details: { changed, self: true },
      },
      now,
    );
    return presentUser(user);
  });
}

/** Changing the password ends every other session of the user; this one stays signed in. */
export async function changePassword(
  deps: AppDeps,
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (ctx.principal.kind !== 'user') throw new AppError('forbidden', 'System users have no password.');
  const now = deps.now();
  const user = await withTenant(deps.db, ctx.tenantId, (tx) =>
    findUser(tx, ctx.tenantId, ctx.principal.userId),
  );
  if (!user) throw notFound('User');
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw fieldError('currentPassword', 'The current password is not correct.', 'wrong_password');
  }
  const [tenant] = await withTenant(deps.db, ctx.tenantId, (tx) =>
    tx.query<{ name: string }>('select name from tenants where id = $1', [ctx.tenantId]),
  );
  assertPasswordAllowed('newPassword', input.newPassword, {
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    companyName: tenant?.name,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    await tx.query(
      'update users set password_hash = $3, password_changed_at = $4, updated_at = $4 where tenant_id = $1 and id = $2',
      [ctx.tenantId, ctx.principal.userId, passwordHash, now],
    );
    await endUserSessions(tx, ctx.tenantId, ctx.principal.userId, now, ctx.principal.sessionId);
    await audit(
      tx,
      ctx,
      { action: 'user.password_changed', entityType: 'user', entityId: ctx.principal.userId },
      now,
    );
  });
}
