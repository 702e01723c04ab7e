import type { Config } from '../../config.js';
import type { Language, Role } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { generateToken, hashToken } from '../../security/secret-tokens.js';

export type SessionStage = 'active' | 'second_factor' | 'enrol_second_factor';

/** How long a half-finished sign-in (waiting for the second factor) stays usable. */
const PENDING_STAGE_MINUTES = 10;

export type NewSession = {
  id: string;
  token: string;
  csrfToken: string;
  stage: SessionStage;
  expiresAt: Date;
};

export async function createSession(
  tx: Queryable,
  config: Config,
  input: {
    tenantId: string;
    userId: string;
    stage: SessionStage;
    ip: string | null;
    userAgent: string | null;
    now: Date;
  },
): Promise<NewSession> {
  const token = generateToken();
  const csrfToken = generateToken();
  const lifetimeMs =
    input.stage === 'active' ? config.sessionAbsoluteHours * 3_600_000 : PENDING_STAGE_MINUTES * 60_000;
  const expiresAt = new Date(input.now.getTime() + lifetimeMs);
  const [row] = await tx.query<{ id: string }>(
    `insert into sessions (tenant_id, user_id, token_hash, csrf_token, stage, ip, user_agent, created_at, last_seen_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) returning id`,
    [
      input.tenantId,
      input.userId,
      hashToken(token),
      csrfToken,
      input.stage,
      input.ip,
      input.userAgent?.slice(0, 400) ?? null,
      input.now,
      expiresAt,
    ],
  );
  return { id: row!.id, token, csrfToken, stage: input.stage, expiresAt };
}

export type SessionRecord = {
  id: string;
  tenantId: string;
  userId: string;
  stage: SessionStage;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  user: {
    firstName: string;
    lastName: string;
    email: string | null;
    roles: Role[];
    language: Language;
    isUsable: boolean;
  };
};

/**
 * Finds a live session by its cookie value. Runs before the tenant is known, so it is one of the
 * few owner-role lookups (see ARCHITECTURE.md, "Tenant isolation").
 */
export async function findSessionByToken(db: Queryable, token: string): Promise<SessionRecord | null> {
  const [row] = await db.query<{
    id: string;
    tenant_id: string;
    user_id: string;
    stage: SessionStage;
    csrf_token: string;
    last_seen_at: Date;
    expires_at: Date;
    first_name: string;
    last_name: string;
    email: string | null;
    roles: Role[];
    language: Language;
    usable: boolean;
    must_enrol: boolean;
  }>(
    `select s.id, s.tenant_id, s.user_id, s.stage, s.csrf_token, s.last_seen_at, s.expires_at,
            u.first_name, u.last_name, u.email, u.roles, u.language,
            (u.sign_in_enabled and u.deactivated_at is null and u.kind = 'person') as usable,
            (t.require_two_factor and u.totp_enabled_at is null) as must_enrol
       from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
       join tenants t on t.id = s.tenant_id
      where s.token_hash = $1 and s.ended_at is null`,
    [hashToken(token)],
  );
  if (!row) return null;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    userId: row.user_id,
    // An account that started requiring two-step sign-in sends users without it to enrolment.
    stage: row.stage === 'active' && row.must_enrol ? 'enrol_second_factor' : row.stage,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    user: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      roles: row.roles,
      language: row.language,
      isUsable: row.usable,
    },
  };
}

export async function touchSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query('update sessions set last_seen_at = $2 where id = $1', [sessionId, now]);
}

export async function endSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query('update sessions set ended_at = $2 where id = $1 and ended_at is null', [sessionId, now]);
}

/** Ends every session of a user (deactivation, password reset) or all but one (password change). */
export async function endUserSessions(
  tx: Queryable,
  tenantId: string,
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<void> {
  await tx.query(
    `update sessions set ended_at = $3
      where tenant_id = $1 and user_id = $2 and ended_at is null and ($4::uuid is null or id <> $4::uuid)`,
    [tenantId, userId, now, exceptSessionId ?? null],
  );
}

export function isSessionExpired(session: SessionRecord, config: Config, now: Date): boolean {
  if (session.expiresAt.getTime() <= now.getTime()) return true;
  return now.getTime() - session.lastSeenAt.getTime() > config.sessionIdleMinutes * 60_000;
}
