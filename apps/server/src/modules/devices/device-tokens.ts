import type { AppDeps, Language, Principal, RequestMeta, Role } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError } from '../../http/errors.js';
import { verifyPassword, burnPasswordCheck } from '../../security/password-hashing.js';
import { RATE_RULES } from '../../security/rate-limiter.js';
import { generateToken, hashToken } from '../../security/secret-tokens.js';
import { recordAudit } from '../audit/audit-recorder.js';
import { verifySecondFactor } from '../auth/second-factor.js';
import { USER_COLUMNS, displayNameOf, type UserRow } from '../users/users.repository.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const REFRESH_TOKEN_DAYS = 30;
const ACCESS_PREFIX = 'cla_';
const REFRESH_PREFIX = 'clr_';

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number; deviceId: string };

type DeviceInfo = { installationId: string; deviceName: string; appVersion: string; os: string };

const invalid = () =>
  new AppError('unauthenticated', 'The sign-in details are not correct.', { reason: 'wrong_credentials' });

/** Issues a fresh access token and the next refresh token of a family. */
async function issuePair(
  tx: Queryable,
  tenantId: string,
  deviceId: string,
  familyId: string | null,
  now: Date,
): Promise<TokenPair> {
  const access = `${ACCESS_PREFIX}${generateToken()}`;
  const refresh = `${REFRESH_PREFIX}${generateToken()}`;
  const [family] = familyId
    ? [{ id: familyId }]
    : await tx.query<{ id: string }>('select gen_random_uuid() as id');
  for (const [kind, token, ms] of [
    ['access', access, ACCESS_TOKEN_SECONDS * 1000],
    ['refresh', refresh, REFRESH_TOKEN_DAYS * 86_400_000],
  ] as const) {
    await tx.query(
      'insert into device_tokens (tenant_id, device_id, kind, family_id, token_hash, expires_at, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
      [tenantId, deviceId, kind, family!.id, hashToken(token), new Date(now.getTime() + ms), now],
    );
  }
  return { accessToken: access, refreshToken: refresh, expiresIn: ACCESS_TOKEN_SECONDS, deviceId };
}

/**
 * Token sign-in for the field app: password (and the second factor when the user has one) plus the
 * installation ID the app generated once; no cookie. Rate-limited like every sign-in.
 */
export async function signInDevice(
  deps: AppDeps,
  meta: RequestMeta,
  input: { login: string; password: string; code?: string | undefined } & DeviceInfo,
): Promise<TokenPair> {
  await deps.rateLimiter.hit(RATE_RULES.signInPerIp, meta.ip ?? 'unknown');
  const [user] = await deps.db.query<UserRow & { require_two_factor: boolean }>(
    `select ${USER_COLUMNS}, t.require_two_factor from users u join tenants t on t.id = u.tenant_id where lower(u.email) = lower($1) and u.kind = 'person'`,
    [input.login.trim()],
  );
  if (!user) {
    await burnPasswordCheck(input.password);
    throw invalid();
  }
  await deps.rateLimiter.check(RATE_RULES.signInFailuresPerAccount, user.id);
  const now = deps.now();
  const ok =
    user.password_hash && !user.deactivated_at && user.sign_in_enabled
      ? await verifyPassword(user.password_hash, input.password)
      : false;
  const needsCode = Boolean(user.totp_enabled_at);
  const second =
    ok && needsCode
      ? await withTenant(deps.db, user.tenant_id, (tx) =>
          verifySecondFactor(tx, deps, user.tenant_id, user.id, { code: input.code }, now),
        )
      : { ok: true };
  if (!ok || !second.ok || (user.require_two_factor && !needsCode)) {
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
          details: {
            via: 'device',
            reason: !ok ? 'wrong_password' : !second.ok ? 'second_factor' : 'two_factor_not_set_up',
          },
        },
        now,
      ),
    );
    if (ok && !second.ok)
      throw new AppError('unauthenticated', 'Enter the 6-digit code of your authenticator app.', {
        reason: 'second_factor_required',
      });
    if (ok)
      throw new AppError(
        'forbidden',
        'Your account requires two-step sign-in: set it up in the web app first.',
        { reason: 'two_factor_enrolment_required' },
      );
    throw invalid();
  }
  return withTenant(deps.db, user.tenant_id, async (tx) => {
    const [device] = await tx.query<{ id: string }>(
      `insert into devices (tenant_id, user_id, installation_id, name, app_version, os, first_seen_at, last_seen_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (tenant_id, user_id, installation_id) do update set name = excluded.name, app_version = excluded.app_version,
         os = excluded.os, last_seen_at = excluded.last_seen_at, revoked_at = null
       returning id`,
      [user.tenant_id, user.id, input.installationId, input.deviceName, input.appVersion, input.os, now],
    );
    const pair = await issuePair(tx, user.tenant_id, device!.id, null, now);
    await recordAudit(
      tx,
      user.tenant_id,
      { type: 'device', id: user.id, name: `${displayNameOf(user)} (${input.deviceName})` },
      meta,
      {
        action: 'user.signed_in',
        entityType: 'user',
        entityId: user.id,
        details: { via: 'device', deviceId: device!.id, installationId: input.installationId },
      },
      now,
    );
    return pair;
  });
}

/**
 * Rotates a refresh token. A refresh token that was already used means it was copied: the whole
 * family ends and the device must sign in again.
 */
export async function refreshDeviceTokens(
  deps: AppDeps,
  meta: RequestMeta,
  refreshToken: string,
  info: { appVersion?: string | undefined },
): Promise<TokenPair> {
  const now = deps.now();
  const [row] = await deps.db.query<{
    id: string;
    tenant_id: string;
    device_id: string;
    family_id: string;
    used_at: Date | null;
    revoked_at: Date | null;
    expires_at: Date;
  }>(
    "select id, tenant_id, device_id, family_id, used_at, revoked_at, expires_at from device_tokens where token_hash = $1 and kind = 'refresh'",
    [hashToken(refreshToken)],
  );
  if (!row || row.revoked_at || row.expires_at <= now)
    throw new AppError('unauthenticated', 'Sign in again.', { reason: 'refresh_invalid' });
  return withTenant(deps.db, row.tenant_id, async (tx) => {
    const [device] = await tx.query<{ revoked_at: Date | null; user_id: string }>(
      'select revoked_at, user_id from devices where tenant_id = $1 and id = $2',
      [row.tenant_id, row.device_id],
    );
    if (row.used_at || !device || device.revoked_at) {
      await tx.query(
        'update device_tokens set revoked_at = $3 where tenant_id = $1 and family_id = $2 and revoked_at is null',
        [row.tenant_id, row.family_id, now],
      );
      await recordAudit(
        tx,
        row.tenant_id,
        { type: 'device', id: device?.user_id ?? null, name: '' },
        meta,
        {
          action: 'device.token_reused',
          entityType: 'device',
          entityId: row.device_id,
        },
        now,
      );
      return null;
    }
    await tx.query('update device_tokens set used_at = $3 where tenant_id = $1 and id = $2', [
      row.tenant_id,
      row.id,
      now,
    ]);
    await tx.query(
      'update devices set last_seen_at = $3, app_version = coalesce($4, app_version) where tenant_id = $1 and id = $2',
      [row.tenant_id, row.device_id, now, info.appVersion ?? null],
    );
    return issuePair(tx, row.tenant_id, row.device_id, row.family_id, now);
  }).then((pair) => {
    if (!pair)
      throw new AppError('unauthenticated', 'This sign-in was ended: sign in again.', {
        reason: 'refresh_reused',
      });
    return pair;
  });
}

/** Resolves a bearer access token to the signed-in user on that device (owner-role lookup). */
export async function findPrincipalByAccessToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<Principal | null> {
  if (!token.startsWith(ACCESS_PREFIX)) return null;
  const [row] = await db.query<{
    tenant_id: string;
    device_id: string;
    device_name: string;
    user_id: string;
    first_name: string;
    last_name: string;
    roles: Role[];
    language: Language;
  }>(
    `select t.tenant_id, d.id as device_id, d.name as device_name, u.id as user_id, u.first_name, u.last_name, u.roles, u.language
       from device_tokens t
       join devices d on d.tenant_id = t.tenant_id and d.id = t.device_id and d.revoked_at is null
       join users u on u.tenant_id = d.tenant_id and u.id = d.user_id and u.deactivated_at is null and u.sign_in_enabled
      where t.token_hash = $1 and t.kind = 'access' and t.revoked_at is null and t.expires_at > $2`,
    [hashToken(token), now],
  );
  if (!row) return null;
  return {
    kind: 'user',
    userId: row.user_id,
    tenantId: row.tenant_id,
    name: `${row.first_name} ${row.last_name}`.trim(),
    roles: row.roles,
    language: row.language,
    deviceId: row.device_id,
    deviceName: row.device_name,
  };
}
