import type { AppDeps, RequestMeta } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError } from '../../http/errors.js';
import { burnPasswordCheck, verifyPassword } from '../../security/password-hashing.js';
import { RATE_RULES } from '../../security/rate-limiter.js';
import { recordAudit } from '../audit/audit-recorder.js';
import { displayNameOf, USER_COLUMNS, type UserRow } from '../users/users.repository.js';
import {
  createSession,
  endSession,
  type NewSession,
  type SessionRecord,
  type SessionStage,
} from './session-store.js';
import { verifySecondFactor } from './second-factor.js';

const WRONG_CREDENTIALS = 'The email address or password is not correct.';

type SignInCandidate = UserRow & { require_two_factor: boolean };

/** Owner-role lookup by sign-in name: the tenant is what we are trying to find out. */
async function findSignInCandidate(deps: AppDeps, login: string): Promise<SignInCandidate | null> {
  const [row] = await deps.db.query<SignInCandidate>(
    `select ${USER_COLUMNS}, t.require_two_factor
       from users u join tenants t on t.id = u.tenant_id
      where lower(u.email) = lower($1) and u.kind = 'person'`,
    [login.trim()],
  );
  return row ?? null;
}

/**
 * Password sign-in. Rate-limited per IP (all attempts) and per account (failures); failures for a
 * known account are audited in its log without the password. The result is a fresh session —
 * active, or waiting for the second factor or for enrolment when the account requires it.
 */
export async function signIn(
  deps: AppDeps,
  meta: RequestMeta,
  input: { login: string; password: string },
): Promise<NewSession> {
  await deps.rateLimiter.hit(RATE_RULES.signInPerIp, meta.ip ?? 'unknown');
  const user = await findSignInCandidate(deps, input.login);
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new AppError('unauthenticated', WRONG_CREDENTIALS, { reason: 'wrong_credentials' });
  }
  await deps.rateLimiter.check(RATE_RULES.signInFailuresPerAccount, user.id);
  const passwordOk = user.password_hash ? await verifyPassword(user.password_hash, input.password) : false;
  const now = deps.now();
  const refusal = !passwordOk
    ? 'wrong_password'
    : user.deactivated_at
      ? 'deactivated'
      : !user.sign_in_enabled
        ? 'sign_in_disabled'
        : null;
  if (refusal) {
    await deps.rateLimiter.count(RATE_RULES.signInFailuresPerAccount, user.id);
    await withTenant(deps.db, user.tenant_id, (tx) =>
      recordAudit(
        tx,
        user.tenant_id,
        { type: 'anonymous', id: null, name: '' },
        meta,
        {
          action: 'user.sign_in_failed',
          entityType: 'user',
          entityId: user.id,
          details: { reason: refusal },
        },
        now,
      ),
    );
    // The same answer whatever the reason, so the response does not confirm a correct password.
    throw new AppError('unauthenticated', WRONG_CREDENTIALS, { reason: 'wrong_credentials' });
  }
  const stage: SessionStage = user.totp_enabled_at
    ? 'second_factor'
    : user.require_two_factor
      ? 'enrol_second_factor'
      : 'active';
  return withTenant(deps.db, user.tenant_id, async (tx) => {
    const session = await createSession(tx, deps.config, {
      tenantId: user.tenant_id,
      userId: user.id,
      stage,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
    });
    await recordAudit(
      tx,
      user.tenant_id,
      { type: 'user', id: user.id, name: displayNameOf(user) },
      meta,
      {
        action: 'user.signed_in',
        entityType: 'user',
        entityId: user.id,
        details: { stage, method: 'password' },
      },
      now,
    );
    return session;
  });
}

/**
 * The second step: a TOTP code or a one-time recovery code. On success the pending session is
 * ended and a new one issued (a new session id whenever the privilege level changes).
 */
export async function completeSecondFactor(
  deps: AppDeps,
  meta: RequestMeta,
  session: SessionRecord,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<NewSession> {
  if (session.stage !== 'second_factor') {
    throw new AppError('conflict', 'This sign-in is not waiting for a second factor.', {
      reason: 'wrong_stage',
    });
  }
  await deps.rateLimiter.check(RATE_RULES.secondFactorFailuresPerUser, session.userId);
  const now = deps.now();
  const outcome = await withTenant(deps.db, session.tenantId, async (tx) =>
    verifySecondFactor(tx, deps, session.tenantId, session.userId, input, now),
  );
  if (!outcome.ok) {
    await deps.rateLimiter.count(RATE_RULES.secondFactorFailuresPerUser, session.userId);
    await withTenant(deps.db, session.tenantId, (tx) =>
      recordAudit(
        tx,
        session.tenantId,
        { type: 'anonymous', id: null, name: '' },
        meta,
        {
          action: 'user.second_factor_failed',
          entityType: 'user',
          entityId: session.userId,
          details: { method: input.recoveryCode ? 'recovery_code' : 'totp' },
        },
        now,
      ),
    );
    throw new AppError('validation', 'The code is not correct or was already used.', {
      errors: [
        {
          field: input.recoveryCode ? 'recoveryCode' : 'code',
          message: 'The code is not correct.',
          code: 'invalid_code',
        },
      ],
    });
  }
  return rotateToActive(deps, meta, session, { secondFactor: outcome.method });
}

/** Ends the current (pending) session and opens an active one for the same user. */
export async function rotateToActive(
  deps: AppDeps,
  meta: RequestMeta,
  session: SessionRecord,
  details: Record<string, unknown>,
): Promise<NewSession> {
  const now = deps.now();
  return withTenant(deps.db, session.tenantId, async (tx) => {
    await endSession(tx, session.id, now);
    const next = await createSession(tx, deps.config, {
      tenantId: session.tenantId,
      userId: session.userId,
      stage: 'active',
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
    });
    const name = `${session.user.firstName} ${session.user.lastName}`.trim();
    await recordAudit(
      tx,
      session.tenantId,
      { type: 'user', id: session.userId, name },
      meta,
      {
        action: 'user.signed_in',
        entityType: 'user',
        entityId: session.userId,
        details: { stage: 'active', ...details },
      },
      now,
    );
    return next;
  });
}

export async function signOut(deps: AppDeps, meta: RequestMeta, session: SessionRecord): Promise<void> {
  const now = deps.now();
  await withTenant(deps.db, session.tenantId, async (tx) => {
    await endSession(tx, session.id, now);
    const name = `${session.user.firstName} ${session.user.lastName}`.trim();
    await recordAudit(
      tx,
      session.tenantId,
      { type: 'user', id: session.userId, name },
      meta,
      {
        action: 'user.signed_out',
        entityType: 'user',
        entityId: session.userId,
      },
      now,
    );
  });
}
