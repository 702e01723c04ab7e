import type { AppDeps, RequestMeta } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError } from '../../http/errors.js';
import { hashPassword } from '../../security/password-hashing.js';
import { RATE_RULES } from '../../security/rate-limiter.js';
import { passwordResetEmail } from '../../mail/templates.js';
import { assertPasswordAllowed } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit-recorder.js';
import { displayNameOf, findUser, USER_COLUMNS, type UserRow } from '../users/users.repository.js';
import {
  consumeEmailToken,
  findUsableEmailToken,
  issueEmailToken,
  PASSWORD_RESET_MINUTES,
  revokeEmailTokens,
  type EmailTokenPurpose,
} from './email-tokens.js';
import { endUserSessions } from './session-store.js';

/** Links point into the web app; the token travels in the fragment, which never reaches a server log. */
export function emailLink(deps: AppDeps, page: 'invitation' | 'reset-password', token: string): string {
  return new URL(`/app/${page}#token=${token}`, deps.config.publicUrl).toString();
}

/**
 * Forgotten password: always answers the same (no way to learn which emails exist). When the
 * address belongs to a user who can sign in, a single-use link valid for one hour is mailed in
 * the user's language.
 */
export async function requestPasswordReset(deps: AppDeps, meta: RequestMeta, email: string): Promise<void> {
  await deps.rateLimiter.hit(RATE_RULES.resetRequestPerIp, meta.ip ?? 'unknown');
  await deps.rateLimiter.hit(RATE_RULES.resetRequestPerEmail, email.toLowerCase());
  const [user] = await deps.db.query<UserRow>(
    `select ${USER_COLUMNS} from users u
      where lower(u.email) = lower($1) and u.kind = 'person' and u.sign_in_enabled and u.deactivated_at is null
        and u.password_hash is not null`,
    [email],
  );
  if (!user) return;
  const now = deps.now();
  await withTenant(deps.db, user.tenant_id, async (tx) => {
    const { token } = await issueEmailToken(tx, {
      tenantId: user.tenant_id,
      userId: user.id,
      purpose: 'password_reset',
      createdBy: null,
      now,
    });
    const content = passwordResetEmail(
      user.language,
      { firstName: user.first_name || displayNameOf(user), minutes: PASSWORD_RESET_MINUTES },
      emailLink(deps, 'reset-password', token),
    );
    deps.mail.queue(tx, { to: [user.email!], ...content });
    await recordAudit(
      tx,
      user.tenant_id,
      { type: 'anonymous', id: null, name: '' },
      meta,
      {
        action: 'user.password_reset_requested',
        entityType: 'user',
        entityId: user.id,
      },
      now,
    );
  });
}

export type LinkDetails = {
  email: string | null;
  firstName: string;
  lastName: string;
  accountName: string;
  language: UserRow['language'];
  expiresAt: string;
};

/** Says whether a link still works, and for whom — before the user types a new password. */
export async function checkEmailLink(
  deps: AppDeps,
  meta: RequestMeta,
  purpose: EmailTokenPurpose,
  token: string,
): Promise<LinkDetails> {
  await deps.rateLimiter.hit(RATE_RULES.emailLinkPerIp, meta.ip ?? 'unknown');
  const record = await findUsableEmailToken(deps.db, token, purpose, deps.now());
  return withTenant(deps.db, record.tenantId, async (tx) => {
    const user = await findUser(tx, record.tenantId, record.userId);
    const [tenant] = await tx.query<{ name: string }>('select name from tenants where id = $1', [
      record.tenantId,
    ]);
    return {
      email: user?.email ?? null,
      firstName: user?.first_name ?? '',
      lastName: user?.last_name ?? '',
      accountName: tenant?.name ?? '',
      language: user?.language ?? 'en',
      expiresAt: record.expiresAt.toISOString(),
    };
  });
}

/**
 * Sets a password through an emailed link: an invitation (first password, sign-in granted) or a
 * reset (every open session ends). The link works once.
 */
export async function setPasswordFromLink(
  deps: AppDeps,
  meta: RequestMeta,
  purpose: EmailTokenPurpose,
  input: { token: string; password: string },
): Promise<void> {
  await deps.rateLimiter.hit(RATE_RULES.emailLinkPerIp, meta.ip ?? 'unknown');
  const now = deps.now();
  const record = await findUsableEmailToken(deps.db, input.token, purpose, now);
  const user = await withTenant(deps.db, record.tenantId, (tx) =>
    findUser(tx, record.tenantId, record.userId),
  );
  if (!user || user.deactivated_at) {
    throw new AppError('gone', 'This link no longer works: the user was deactivated.', {
      reason: 'deactivated',
    });
  }
  const [tenant] = await withTenant(deps.db, record.tenantId, (tx) =>
    tx.query<{ name: string }>('select name from tenants where id = $1', [record.tenantId]),
  );
  assertPasswordAllowed('password', input.password, {
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    companyName: tenant?.name,
  });
  const passwordHash = await hashPassword(input.password);
  await withTenant(deps.db, record.tenantId, async (tx) => {
    await consumeEmailToken(tx, record, now);
    await tx.query(
      `update users set password_hash = $3, password_changed_at = $4, sign_in_enabled = true, updated_at = $4
        where tenant_id = $1 and id = $2`,
      [record.tenantId, record.userId, passwordHash, now],
    );
    await revokeEmailTokens(tx, record.tenantId, record.userId, null, now);
    await endUserSessions(tx, record.tenantId, record.userId, now);
    await recordAudit(
      tx,
      record.tenantId,
      { type: 'user', id: user.id, name: displayNameOf(user) },
      meta,
      {
        action: purpose === 'invitation' ? 'user.invitation_accepted' : 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
      },
      now,
    );
  });
}
