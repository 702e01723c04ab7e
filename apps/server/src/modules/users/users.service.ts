import type { AppDeps, Language, Role, ServiceContext } from '../../context.js';
import type { Queryable, Transaction } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { withTenant } from '../../db/tenant-scope.js';
import { decodeCursor, pageFrom } from '../../http/cursor.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { invitationEmail } from '../../mail/templates.js';
import { RATE_RULES } from '../../security/rate-limiter.js';
import { audit } from '../audit/audit-recorder.js';
import { changedFields } from '../audit/changed-fields.js';
import { emailLink } from '../auth/email-links.service.js';
import { INVITATION_DAYS, issueEmailToken, revokeEmailTokens } from '../auth/email-tokens.js';
import { endUserSessions } from '../auth/session-store.js';
import { sortRoles } from './roles.js';
import { assertCanChangeRoles, assertCanManageUsers, canListUsers } from './users.policy.js';
import { presentUser, type UserView } from './users.presenter.js';
import {
  displayNameOf,
  findUser,
  insertUser,
  listUsers,
  type UserListFilter,
  type UserRow,
} from './users.repository.js';

export type NewUser =
  | {
      kind: 'person';
      firstName: string;
      lastName: string;
      email?: string | null | undefined;
      language: Language;
      roles: Role[];
      /** Send an invitation right away (grants sign-in); otherwise a record without sign-in. */
      invite: boolean;
    }
  | { kind: 'system'; name: string; language: Language; roles: Role[] };

export type UserPatch = {
  firstName?: string | undefined;
  lastName?: string | undefined;
  name?: string | undefined;
  email?: string | null | undefined;
  language?: Language | undefined;
  roles?: Role[] | undefined;
  certificateNumber?: string | null | undefined;
};

const emailTaken = () => fieldError('email', 'A user with this email address already exists.', 'email_taken');

async function loadUser(tx: Queryable, ctx: ServiceContext, id: string): Promise<UserRow> {
  const user = await findUser(tx, ctx.tenantId, id);
  if (!user) throw notFound('User');
  return user;
}

export async function listUsersPage(
  deps: AppDeps,
  ctx: ServiceContext,
  query: Omit<UserListFilter, 'after'> & { cursor?: string | undefined },
) {
  // Technicians may look up their fellow technicians (to hand work over), nothing more.
  const technicianLookup = query.role === 'technician' && ctx.principal.roles.length > 0;
  if (!canListUsers(ctx.principal) && !technicianLookup)
    throw forbidden('Only managers and administrators see the user list.');
  const after = decodeCursor(query.cursor, ['string', 'string'] as const);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listUsers(tx, ctx.tenantId, { ...query, after });
    if (!query.cursor) await audit(tx, ctx, { action: 'user.listed', entityType: 'user' }, deps.now());
    return pageFrom(rows, query.limit, presentUser, (r) => [r.sort_key, r.id]);
  });
}

export async function getUser(deps: AppDeps, ctx: ServiceContext, id: string): Promise<UserView> {
  const isSelf = id === ctx.principal.userId;
  if (!isSelf && !canListUsers(ctx.principal)) throw notFound('User');
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const user = await loadUser(tx, ctx, id);
    if (!isSelf)
      await audit(tx, ctx, { action: 'user.viewed', entityType: 'user', entityId: id }, deps.now());
    return presentUser(user);
  });
}

export async function createUser(deps: AppDeps, ctx: ServiceContext, input: NewUser): Promise<UserView> {
  assertCanManageUsers(ctx.principal);
  assertCanChangeRoles(ctx.principal, [], input.roles);
  if (input.kind === 'person' && input.invite && !input.email) {
    throw fieldError('email', 'An invitation needs an email address.', 'required');
  }
  const now = deps.now();
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const id = await insertUser(tx, ctx.tenantId, {
        kind: input.kind,
        ...(input.kind === 'person'
          ? { firstName: input.firstName, lastName: input.lastName, email: input.email ?? null }
          : { displayName: input.name }),
        language: input.language,
        roles: sortRoles(input.roles),
        signInEnabled: false,
        createdBy: ctx.principal.userId,
        now,
      });
      await audit(
        tx,
        ctx,
        {
          action: 'user.created',
          entityType: 'user',
          entityId: id,
          details: { kind: input.kind, roles: input.roles },
        },
        now,
      );
      if (input.kind === 'person' && input.invite)
        await sendInvitation(deps, tx, ctx, await loadUser(tx, ctx, id));
      return presentUser(await loadUser(tx, ctx, id));
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
    throw error;
  }
}

export async function updateUser(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: UserPatch,
): Promise<UserView> {
  assertCanManageUsers(ctx.principal);
  const now = deps.now();
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const user = await loadUser(tx, ctx, id);
      const roles = patch.roles ? sortRoles(patch.roles) : user.roles;
      assertCanChangeRoles(ctx.principal, user.roles, roles);
      if (
        user.kind === 'system' &&
        (patch.firstName !== undefined || patch.lastName !== undefined || patch.email !== undefined)
      ) {
        throw fieldError(
          'name',
          'A system user has a name only; no first name, last name or email.',
          'system_user',
        );
      }
      if (user.kind === 'person' && patch.name !== undefined) {
        throw fieldError('name', 'Set firstName and lastName for a person.', 'person_user');
      }
      await assertAdministratorRemains(tx, ctx, user, { roles });
      if (patch.email !== undefined && patch.email !== user.email && user.password_hash) {
        // A new sign-in name: open links and sessions tied to the old address end.
        await revokeEmailTokens(tx, ctx.tenantId, id, null, now);
        await endUserSessions(
          tx,
          ctx.tenantId,
          id,
          now,
          id === ctx.principal.userId ? ctx.principal.sessionId : undefined,
        );
      }
      await tx.query(
        `update users set first_name = coalesce($3, first_name), last_name = coalesce($4, last_name),
            display_name = coalesce($5, display_name), email = case when $6 then $7 else email end,
            language = coalesce($8, language), roles = $9, updated_at = $10,
            certificate_number = case when $11 then $12 else certificate_number end
          where tenant_id = $1 and id = $2`,
        [
          ctx.tenantId,
          id,
          patch.firstName ?? null,
          patch.lastName ?? null,
          patch.name ?? null,
          patch.email !== undefined,
          patch.email ?? null,
          patch.language ?? null,
          roles,
          now,
          patch.certificateNumber !== undefined,
          patch.certificateNumber ?? null,
        ],
      );
      const after = presentUser(await loadUser(tx, ctx, id));
      const changed = changedFields(patch, presentUser(user), after);
      await audit(
        tx,
        ctx,
        { action: 'user.updated', entityType: 'user', entityId: id, details: { changed, roles } },
        now,
      );
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
    throw error;
  }
}

/** Sends (or sends again) the invitation email; the earlier link stops working. */
export async function inviteUser(deps: AppDeps, ctx: ServiceContext, id: string): Promise<UserView> {
  assertCanManageUsers(ctx.principal);
  // Keyed by tenant too, so nobody can use up another account's invitations.
  await deps.rateLimiter.hit(RATE_RULES.invitationSendPerUser, `${ctx.tenantId}:${id}`);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const user = await loadUser(tx, ctx, id);
    if (user.kind === 'system')
      throw new AppError('conflict', 'System users sign in with API keys, not invitations.', {
        reason: 'system_user',
      });
    if (user.deactivated_at)
      throw new AppError('conflict', 'Reactivate the user before inviting them.', { reason: 'deactivated' });
    if (user.password_hash && user.sign_in_enabled)
      throw new AppError('conflict', 'This user can already sign in.', { reason: 'already_active' });
    if (!user.email)
      throw fieldError('email', 'Add an email address before sending an invitation.', 'required');
    await sendInvitation(deps, tx, ctx, user);
    return presentUser(await loadUser(tx, ctx, id));
  });
}

async function sendInvitation(
  deps: AppDeps,
  tx: Transaction,
  ctx: ServiceContext,
  user: UserRow,
): Promise<void> {
  const now = deps.now();
  await tx.query(
    'update users set sign_in_enabled = true, updated_at = $3 where tenant_id = $1 and id = $2',
    [ctx.tenantId, user.id, now],
  );
  const { token, expiresAt } = await issueEmailToken(tx, {
    tenantId: ctx.tenantId,
    userId: user.id,
    purpose: 'invitation',
    createdBy: ctx.principal.userId,
    now,
  });
  const [tenant] = await tx.query<{ name: string }>('select name from tenants where id = $1', [ctx.tenantId]);
  const content = invitationEmail(
    user.language,
    {
      firstName: user.first_name || displayNameOf(user),
      inviterName: ctx.principal.name,
      accountName: tenant?.name ?? '',
      days: INVITATION_DAYS,
    },
    emailLink(deps, 'invitation', token),
  );
  deps.mail.queue(tx, { to: [user.email!], ...content });
  await audit(
    tx,
    ctx,
    {
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      details: { expiresAt: expiresAt.toISOString() },
    },
    now,
  );
}

export async function setUserActive(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  active: boolean,
): Promise<UserView> {
  assertCanManageUsers(ctx.principal);
  if (!active && id === ctx.principal.userId)
    throw new AppError('conflict', 'You cannot deactivate yourself.', { reason: 'self' });
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const user = await loadUser(tx, ctx, id);
    if (!active) {
      if (user.roles.includes('account_manager') && !ctx.principal.roles.includes('account_manager')) {
        throw forbidden('Only an account manager can deactivate an account manager.');
      }
      await assertAdministratorRemains(tx, ctx, user, { deactivated: true });
      await endUserSessions(tx, ctx.tenantId, id, now);
      await revokeEmailTokens(tx, ctx.tenantId, id, null, now);
    }
    await tx.query('update users set deactivated_at = $3, updated_at = $4 where tenant_id = $1 and id = $2', [
      ctx.tenantId,
      id,
      active ? null : now,
      now,
    ]);
    await audit(
      tx,
      ctx,
      { action: active ? 'user.reactivated' : 'user.deactivated', entityType: 'user', entityId: id },
      now,
    );
    return presentUser(await loadUser(tx, ctx, id));
  });
}

/** An account must keep at least one active administrator who can sign in. */
async function assertAdministratorRemains(
  tx: Queryable,
  ctx: ServiceContext,
  user: UserRow,
  change: { roles?: Role[]; deactivated?: boolean },
): Promise<void> {
  const wasAdmin =
    user.kind === 'person' &&
    !user.deactivated_at &&
    user.roles.some((r) => r === 'administrator' || r === 'account_manager');
  const staysAdmin =
    !change.deactivated &&
    (change.roles ?? user.roles).some((r) => r === 'administrator' || r === 'account_manager');
  if (!wasAdmin || staysAdmin) return;
  const [other] = await tx.query(
    `select 1 from users where tenant_id = $1 and id <> $2 and kind = 'person' and deactivated_at is null
        and sign_in_enabled and password_hash is not null and roles && array['administrator','account_manager']::text[]
      limit 1`,
    [ctx.tenantId, user.id],
  );
  if (!other)
    throw new AppError('conflict', 'The account must keep at least one active administrator.', {
      reason: 'last_administrator',
    });
}
