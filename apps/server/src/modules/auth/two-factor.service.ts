import QRCode from 'qrcode';
import type { AppDeps, RequestMeta } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import type { Queryable } from '../../db/database.js';
import { AppError, fieldError } from '../../http/errors.js';
import { verifyPassword } from '../../security/password-hashing.js';
import { createTotpSecret, matchTotp, totpUri } from '../../security/totp.js';
import { recordAudit, type AuditActor } from '../audit/audit-recorder.js';
import { replaceRecoveryCodes, totpBox, verifySecondFactor } from './second-factor.js';
import type { SessionRecord } from './session-store.js';

type UserSecrets = {
  email: string | null;
  password_hash: string | null;
  totp_secret_encrypted: string | null;
  totp_enabled_at: Date | null;
  require_two_factor: boolean;
};

async function loadSecrets(tx: Queryable, session: SessionRecord): Promise<UserSecrets> {
  const [row] = await tx.query<UserSecrets>(
    `select u.email, u.password_hash, u.totp_secret_encrypted, u.totp_enabled_at, t.require_two_factor
       from users u join tenants t on t.id = u.tenant_id
      where u.tenant_id = $1 and u.id = $2 for update of u`,
    [session.tenantId, session.userId],
  );
  if (!row) throw new AppError('not_found', 'User not found.');
  return row;
}

/** Sensitive changes ask for the password again (re-authentication). */
async function assertPassword(secrets: UserSecrets, password: string): Promise<void> {
  if (!secrets.password_hash || !(await verifyPassword(secrets.password_hash, password))) {
    throw fieldError('password', 'The password is not correct.', 'wrong_password');
  }
}

const actorOfSession = (s: SessionRecord): AuditActor => ({
  type: 'user',
  id: s.userId,
  name: `${s.user.firstName} ${s.user.lastName}`.trim(),
});

export type TwoFactorSetup = { secret: string; otpauthUri: string; qrCodeSvg: string };

/** Starts enrolment: a new secret, kept sealed until a first code proves the app has it. */
export async function startTwoFactorSetup(deps: AppDeps, session: SessionRecord): Promise<TwoFactorSetup> {
  return withTenant(deps.db, session.tenantId, async (tx) => {
    const secrets = await loadSecrets(tx, session);
    if (secrets.totp_enabled_at) {
      throw new AppError(
        'conflict',
        'Two-step sign-in is already on. Turn it off first to move to another app.',
        { reason: 'already_enabled' },
      );
    }
    const secret = createTotpSecret();
    await tx.query('update users set totp_secret_encrypted = $3 where tenant_id = $1 and id = $2', [
      session.tenantId,
      session.userId,
      totpBox(deps).seal(secret),
    ]);
    const otpauthUri = totpUri(secret, secrets.email ?? session.userId);
    const qrCodeSvg = await QRCode.toString(otpauthUri, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    return { secret, otpauthUri, qrCodeSvg };
  });
}

/** Confirms enrolment with the password and a first code; returns the recovery codes (shown once). */
export async function enableTwoFactor(
  deps: AppDeps,
  meta: RequestMeta,
  session: SessionRecord,
  input: { password: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.now();
  return withTenant(deps.db, session.tenantId, async (tx) => {
    const secrets = await loadSecrets(tx, session);
    await assertPassword(secrets, input.password);
    if (secrets.totp_enabled_at)
      throw new AppError('conflict', 'Two-step sign-in is already on.', { reason: 'already_enabled' });
    if (!secrets.totp_secret_encrypted)
      throw new AppError('conflict', 'Start the set-up first.', { reason: 'no_setup' });
    const step = matchTotp(totpBox(deps).open(secrets.totp_secret_encrypted), input.code, now);
    if (step === null)
      throw fieldError('code', 'The code is not correct. Check the time on your phone.', 'invalid_code');
    await tx.query(
      'update users set totp_enabled_at = $3, totp_last_step = $4, updated_at = $3 where tenant_id = $1 and id = $2',
      [session.tenantId, session.userId, now, step],
    );
    const recoveryCodes = await replaceRecoveryCodes(tx, session.tenantId, session.userId, now);
    await recordAudit(
      tx,
      session.tenantId,
      actorOfSession(session),
      meta,
      {
        action: 'user.two_factor_enabled',
        entityType: 'user',
        entityId: session.userId,
      },
      now,
    );
    return { recoveryCodes };
  });
}

export async function disableTwoFactor(
  deps: AppDeps,
  meta: RequestMeta,
  session: SessionRecord,
  input: { password: string; code?: string | undefined; recoveryCode?: string | undefined },
): Promise<void> {
  const now = deps.now();
  await withTenant(deps.db, session.tenantId, async (tx) => {
    const secrets = await loadSecrets(tx, session);
    if (secrets.require_two_factor) {
      throw new AppError(
        'conflict',
        'Your company account requires two-step sign-in; it cannot be turned off.',
        {
          reason: 'required_by_account',
        },
      );
    }
    await assertPassword(secrets, input.password);
    if (!secrets.totp_enabled_at)
      throw new AppError('conflict', 'Two-step sign-in is not on.', { reason: 'not_enabled' });
    const check = await verifySecondFactor(tx, deps, session.tenantId, session.userId, input, now);
    if (!check.ok)
      throw fieldError(
        input.recoveryCode ? 'recoveryCode' : 'code',
        'The code is not correct.',
        'invalid_code',
      );
    await tx.query(
      `update users set totp_secret_encrypted = null, totp_enabled_at = null, totp_last_step = null, updated_at = $3
        where tenant_id = $1 and id = $2`,
      [session.tenantId, session.userId, now],
    );
    await tx.query('delete from recovery_codes where tenant_id = $1 and user_id = $2', [
      session.tenantId,
      session.userId,
    ]);
    await recordAudit(
      tx,
      session.tenantId,
      actorOfSession(session),
      meta,
      {
        action: 'user.two_factor_disabled',
        entityType: 'user',
        entityId: session.userId,
      },
      now,
    );
  });
}

export async function regenerateRecoveryCodes(
  deps: AppDeps,
  meta: RequestMeta,
  session: SessionRecord,
  input: { password: string },
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.now();
  return withTenant(deps.db, session.tenantId, async (tx) => {
    const secrets = await loadSecrets(tx, session);
    await assertPassword(secrets, input.password);
    if (!secrets.totp_enabled_at)
      throw new AppError('conflict', 'Two-step sign-in is not on.', { reason: 'not_enabled' });
    const recoveryCodes = await replaceRecoveryCodes(tx, session.tenantId, session.userId, now);
    await recordAudit(
      tx,
      session.tenantId,
      actorOfSession(session),
      meta,
      {
        action: 'user.recovery_codes_regenerated',
        entityType: 'user',
        entityId: session.userId,
      },
      now,
    );
    return { recoveryCodes };
  });
}
