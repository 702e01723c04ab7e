import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, Language, RequestMeta } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError } from '../../http/errors.js';
import { normalizeHumanCode } from '../../security/human-codes.js';
import type { RateRule } from '../../security/rate-limiter.js';
import { constantTimeEqual, generateToken, hashToken } from '../../security/secret-tokens.js';
import { recordAudit, type AuditActor } from '../audit/audit-recorder.js';
import { hashPortalCode } from './portal-codes.service.js';

export const PORTAL_COOKIE = 'climalog_portal';
export const PORTAL_COOKIE_PATH = '/api/v1/portal';
const SESSION_HOURS = 8;
const IDLE_MINUTES = 60;

const PORTAL_FAILURES: RateRule = { name: 'portal:failures', limit: 10, windowSeconds: 15 * 60 };
// All attempts per address, successes too: a ceiling for scripted use. Generous because one office or
// hotel network may sign in many times; guessing is held back by the failure limit above.
const PORTAL_PER_IP: RateRule = { name: 'portal:ip', limit: 100, windowSeconds: 15 * 60 };

/** The same answer whatever was wrong: code, token, disabled portal or another location's token. */
const notValid = () =>
  new AppError('unauthenticated', 'The code or installation token is not valid.', { reason: 'invalid_code' });

export type PortalScope = {
  sessionId: string;
  tenantId: string;
  accessId: string;
  scope: 'customer' | 'location';
  customerId: string;
  customerName: string;
  locationId: string | null;
  installationId: string | null;
  language: Language;
};

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalScope | null;
  }
}

export const portalActor = (p: Pick<PortalScope, 'customerId' | 'customerName'>): AuditActor => ({
  type: 'end_customer',
  id: p.customerId,
  name: p.customerName,
});

type AccessRow = {
  id: string;
  tenant_id: string;
  scope: 'customer' | 'location';
  customer_id: string;
  location_id: string | null;
  code_hash: string;
  require_installation_token: boolean;
  customer_name: string;
  language: Language;
};

/**
 * Signs an end customer in with the authorization code (and, where the location asks for it, the
 * installation token). Rate-limited per client and per code; failures for a known code are audited.
 */
export async function openPortalSession(
  deps: AppDeps,
  meta: RequestMeta,
  input: { code: string; token?: string | undefined },
): Promise<{ token: string; expiresAt: Date; scope: PortalScope }> {
  const ip = meta.ip ?? 'unknown';
  await deps.rateLimiter.hit(PORTAL_PER_IP, ip);
  await deps.rateLimiter.check(PORTAL_FAILURES, `ip:${ip}`);
  const codeHash = hashPortalCode(input.code);
  await deps.rateLimiter.check(PORTAL_FAILURES, `code:${codeHash}`);
  const fail = async (access?: AccessRow) => {
    await deps.rateLimiter.count(PORTAL_FAILURES, `ip:${ip}`);
    await deps.rateLimiter.count(PORTAL_FAILURES, `code:${codeHash}`);
    if (access) {
      await withTenant(deps.db, access.tenant_id, (tx) =>
        recordAudit(tx, access.tenant_id, { type: 'anonymous', id: null, name: '' }, meta, {
          action: 'portal.sign_in_failed',
          entityType: access.scope,
          entityId: access.location_id ?? access.customer_id,
          details: { reason: input.token ? 'token' : 'token_missing' },
        }),
      );
    }
    return notValid();
  };
  if (normalizeHumanCode(input.code).length !== 20) throw await fail();
  // Owner-role lookup by hash: the tenant is what the code tells us.
  const [access] = await deps.db.query<AccessRow>(
    `select a.id, a.tenant_id, a.scope, a.customer_id, a.location_id, a.code_hash, a.require_installation_token, c.name as customer_name, c.language
       from portal_access a join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
      where a.code_hash = $1 and a.enabled`,
    [codeHash],
  );
  if (!access || !constantTimeEqual(access.code_hash, codeHash)) throw await fail();
  let installationId: string | null = null;
  if (access.require_installation_token || input.token) {
    if (!input.token) throw await fail(access);
    const [installation] = await withTenant(deps.db, access.tenant_id, (tx) =>
      tx.query<{ id: string }>(
        `select id from installations where tenant_id = $1 and token = $2 and archived_at is null
           and customer_id = $3 and ($4::uuid is null or location_id = $4::uuid)`,
        [access.tenant_id, normalizeToken(input.token!), access.customer_id, access.location_id],
      ),
    );
    if (!installation) throw await fail(access);
    installationId = installation.id;
  }
  const token = generateToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const scope = await withTenant(deps.db, access.tenant_id, async (tx) => {
    const [session] = await tx.query<{ id: string }>(
      `insert into portal_sessions (tenant_id, access_id, token_hash, installation_id, language, ip, user_agent, created_at, last_seen_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) returning id`,
      [
        access.tenant_id,
        access.id,
        hashToken(token),
        installationId,
        access.language,
        meta.ip,
        meta.userAgent,
        now,
        expiresAt,
      ],
    );
    const result: PortalScope = {
      sessionId: session!.id,
      tenantId: access.tenant_id,
      accessId: access.id,
      scope: access.scope,
      customerId: access.customer_id,
      customerName: access.customer_name,
      locationId: access.location_id,
      installationId,
      language: access.language,
    };
    await recordAudit(
      tx,
      access.tenant_id,
      portalActor(result),
      meta,
      {
        action: 'portal.signed_in',
        entityType: access.scope,
        entityId: access.location_id ?? access.customer_id,
        details: { installationId },
      },
      now,
    );
    return result;
  });
  return { token, expiresAt, scope };
}

/** Installation tokens are typed like codes: case, spaces and dashes do not matter. */
function normalizeToken(token: string): string {
  const compact = normalizeHumanCode(token);
  return compact.length === 20 ? compact.match(/.{5}/g)!.join('-') : compact;
}

/** The portal session of a request (its own cookie), or null. */
export async function resolvePortalSession(
  deps: AppDeps,
  request: FastifyRequest,
): Promise<PortalScope | null> {
  const token = request.cookies[PORTAL_COOKIE];
  if (!token || token.length > 100) return null;
  const now = deps.now();
  const [row] = await deps.db.query<{
    id: string;
    tenant_id: string;
    access_id: string;
    installation_id: string | null;
    language: Language;
    last_seen_at: Date;
    expires_at: Date;
    scope: 'customer' | 'location';
    customer_id: string;
    location_id: string | null;
    customer_name: string;
  }>(
    `select s.id, s.tenant_id, s.access_id, s.installation_id, s.language, s.last_seen_at, s.expires_at,
            a.scope, a.customer_id, a.location_id, c.name as customer_name
       from portal_sessions s
       join portal_access a on a.tenant_id = s.tenant_id and a.id = s.access_id and a.enabled
       join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
      where s.token_hash = $1 and s.ended_at is null`,
    [hashToken(token)],
  );
  if (!row || row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > IDLE_MINUTES * 60_000)
    return null;
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await deps.db.query('update portal_sessions set last_seen_at = $2 where id = $1', [row.id, now]);
  }
  return {
    sessionId: row.id,
    tenantId: row.tenant_id,
    accessId: row.access_id,
    scope: row.scope,
    customerId: row.customer_id,
    customerName: row.customer_name,
    locationId: row.location_id,
    installationId: row.installation_id,
    language: row.language,
  };
}

export function setPortalCookie(reply: FastifyReply, deps: AppDeps, token: string, expiresAt: Date): void {
  reply.setCookie(PORTAL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.isHttps,
    path: PORTAL_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearPortalCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(PORTAL_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.isHttps,
    path: PORTAL_COOKIE_PATH,
  });
}

export async function closePortalSession(deps: AppDeps, scope: PortalScope): Promise<void> {
  await withTenant(deps.db, scope.tenantId, (tx) =>
    tx.query('update portal_sessions set ended_at = $3 where tenant_id = $1 and id = $2', [
      scope.tenantId,
      scope.sessionId,
      deps.now(),
    ]),
  );
}
