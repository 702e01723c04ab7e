import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps, Principal, RequestMeta, ServiceContext } from '../context.js';
import {
  endSession,
  findSessionByToken,
  isSessionExpired,
  touchSession,
  type SessionRecord,
} from '../modules/auth/session-store.js';
import { findPrincipalByAccessToken } from '../modules/devices/device-tokens.js';
import { findPrincipalByApiKey } from '../modules/users/api-key-lookup.js';
import { RATE_RULES } from '../security/rate-limiter.js';
import { constantTimeEqual } from '../security/secret-tokens.js';
import { withTenant } from '../db/tenant-scope.js';
import { recordAudit } from '../modules/audit/audit-recorder.js';
import { AppError } from './errors.js';
import { clearSessionCookie, readSessionCookie } from './session-cookie.js';

/**
 * Who may call a route:
 *  - 'public': anyone (sign-in, sign-up, reset links);
 *  - 'session': any signed-in browser session, also one still waiting for its second factor;
 *  - 'principal' (default): a fully signed-in user or an API key.
 */
export type RouteAuth = 'public' | 'session' | 'principal';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: Principal | null;
    session: SessionRecord | null;
    meta: RequestMeta;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_INTERVAL_MS = 60_000;

export function registerAuthentication(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('meta', null as unknown as RequestMeta);

  app.addHook('onRequest', async (request, reply) => {
    request.meta = {
      requestId: request.id,
      ip: request.ip ?? null,
      userAgent: (request.headers['user-agent'] ?? '').slice(0, 400) || null,
    };
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    const auth = request.routeOptions.config?.auth ?? 'principal';
    const bearer = bearerToken(request);

    if (UNSAFE_METHODS.has(request.method) && !bearer) assertSameOrigin(request, deps);

    if (bearer) {
      request.principal = await authenticateBearer(deps, request, bearer);
    } else {
      await authenticateSession(deps, request, reply);
    }

    if (auth === 'public') return;
    if (auth === 'session' ? !request.session && !request.principal : !request.principal) {
      throw new AppError(
        'unauthenticated',
        request.session ? 'Finish signing in first (second factor).' : 'Sign in to continue.',
      );
    }
    // A browser session changing state must also send the CSRF token it received at sign-in.
    if (request.session && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, request.session.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token header.', { reason: 'csrf' });
      }
    }
  });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'Send the API key as "Authorization: Bearer <key>".');
  return match[1]!;
}

async function authenticateBearer(deps: AppDeps, request: FastifyRequest, token: string): Promise<Principal> {
  const ipKey = request.ip ?? 'unknown';
  await deps.rateLimiter.check(RATE_RULES.apiKeyFailuresPerIp, ipKey);
  const principal = token.startsWith('clk_')
    ? await findPrincipalByApiKey(deps.db, token, deps.now())
    : await findPrincipalByAccessToken(deps.db, token, deps.now());
  if (!principal) {
    await deps.rateLimiter.count(RATE_RULES.apiKeyFailuresPerIp, ipKey);
    throw new AppError(
      'unauthenticated',
      'The API key or access token is not valid, has expired or was revoked.',
      { reason: 'invalid_token' },
    );
  }
  return principal;
}

async function authenticateSession(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const token = readSessionCookie(request, deps.config);
  if (!token) return;
  const session = await findSessionByToken(deps.db, token);
  const now = deps.now();
  if (!session || !session.user.isUsable || isSessionExpired(session, deps.config, now)) {
    if (session) await expireSession(deps, request, session, now);
    clearSessionCookie(reply, deps.config);
    return;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
    await touchSession(deps.db, session.id, now);
  request.session = session;
  if (session.stage === 'active') {
    request.principal = {
      kind: 'user',
      userId: session.userId,
      tenantId: session.tenantId,
      name: `${session.user.firstName} ${session.user.lastName}`.trim() || (session.user.email ?? ''),
      roles: session.user.roles,
      language: session.user.language,
      sessionId: session.id,
    };
  }
}

/** Ends a session found past its time-out (or of a user who can no longer sign in), and records it. */
async function expireSession(
  deps: AppDeps,
  request: FastifyRequest,
  session: SessionRecord,
  now: Date,
): Promise<void> {
  await withTenant(deps.db, session.tenantId, async (tx) => {
    await endSession(tx, session.id, now);
    const name = `${session.user.firstName} ${session.user.lastName}`.trim();
    await recordAudit(
      tx,
      session.tenantId,
      { type: 'user', id: session.userId, name },
      request.meta,
      {
        action: 'user.session_expired',
        entityType: 'user',
        entityId: session.userId,
        details: { reason: session.user.isUsable ? 'timeout' : 'user_disabled' },
      },
      now,
    );
  });
}

/**
 * Refuses state-changing requests from other sites: the Origin (or, without it, Sec-Fetch-Site)
 * must match PUBLIC_URL or the host the request was sent to.
 */
function assertSameOrigin(request: FastifyRequest, deps: AppDeps): void {
  const origin = request.headers.origin;
  if (origin) {
    const allowed = new Set([deps.config.publicUrl.origin, `${request.protocol}://${request.host}`]);
    if (!allowed.has(origin)) {
      throw new AppError('forbidden', 'Cross-site requests are not accepted.', { reason: 'cross_origin' });
    }
    return;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new AppError('forbidden', 'Cross-site requests are not accepted.', { reason: 'cross_origin' });
  }
}

/** The service context of a signed-in request; routes pass it to services. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in to continue.');
  return { ...request.meta, tenantId: request.principal.tenantId, principal: request.principal };
}
