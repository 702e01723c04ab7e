import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

// Answers that must not be replayed: the request was not executed (bad input, not signed in, refused,
// rate-limited, conflict), so a retry with the same key should run again.
const NOT_EXECUTED = new Set([400, 401, 403, 409, 413, 415, 429]);

/**
 * Every POST accepts an Idempotency-Key: the first result is stored and replayed for a retry with
 * the same key and the same body (the field app's offline sync relies on it); the same key with a
 * different body is a 422, and a retry while the first is still running a 409. Keys belong to who
 * sent them (account and user, or client address before sign-in) and are kept at least 24 hours.
 */
export function registerIdempotency(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 characters.', {
        errors: [{ field: 'Idempotency-Key', message: 'Invalid key.' }],
      });
    }
    const scope = request.principal
      ? `${request.principal.tenantId}:${request.principal.userId}`
      : `ip:${request.ip}`;
    const hash = requestHash(request);
    const inserted = await deps.db.query(
      `insert into idempotency_keys (scope, key, request_hash, state, created_at) values ($1, $2, $3, 'running', $4)
       on conflict (scope, key) do nothing returning key`,
      [scope, key, hash, deps.now()],
    );
    if (inserted.length > 0) {
      request.idempotency = { scope, key };
      return;
    }
    const [stored] = await deps.db.query<{
      request_hash: string;
      state: string;
      response_status: number;
      response_type: string;
      response_body: string;
    }>(
      'select request_hash, state, response_status, response_type, response_body from idempotency_keys where scope = $1 and key = $2',
      [scope, key],
    );
    if (!stored) throw new AppError('conflict', 'Retry the request.', { reason: 'idempotency_race' });
    if (stored.request_hash !== hash) {
      throw new AppError('validation', 'This Idempotency-Key was used for a different request.', {
        reason: 'idempotency_mismatch',
        errors: [{ field: 'Idempotency-Key', message: 'Used for a different request.', code: 'mismatch' }],
      });
    }
    if (stored.state === 'running')
      throw new AppError('conflict', 'The first request with this Idempotency-Key is still running.', {
        reason: 'idempotency_in_progress',
      });
    return replay(reply, stored);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    if (NOT_EXECUTED.has(reply.statusCode)) {
      await deps.db.query('delete from idempotency_keys where scope = $1 and key = $2', [
        idem.scope,
        idem.key,
      ]);
    } else if (
      typeof payload === 'string' ||
      Buffer.isBuffer(payload) ||
      payload === null ||
      payload === undefined
    ) {
      await deps.db.query(
        `update idempotency_keys set state = 'done', response_status = $3, response_type = $4, response_body = $5 where scope = $1 and key = $2`,
        [
          idem.scope,
          idem.key,
          reply.statusCode,
          String(reply.getHeader('content-type') ?? ''),
          payload === null || payload === undefined ? '' : payload.toString(),
        ],
      );
    } else {
      // A streamed answer cannot be stored; the key is released so a retry runs again.
      await deps.db.query('delete from idempotency_keys where scope = $1 and key = $2', [
        idem.scope,
        idem.key,
      ]);
    }
    return payload;
  });
}

function requestHash(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body)
    ? request.body.toString('base64')
    : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest('hex');
}

function replay(
  reply: FastifyReply,
  stored: { response_status: number; response_type: string; response_body: string },
) {
  reply.header('idempotent-replayed', 'true');
  if (stored.response_type) reply.type(stored.response_type);
  return reply.status(stored.response_status).send(stored.response_body || null);
}

/** Keys older than a day are forgotten (run on a schedule). */
export async function purgeIdempotencyKeys(deps: AppDeps): Promise<number> {
  const rows = await deps.db.query('delete from idempotency_keys where created_at < $1 returning 1', [
    new Date(deps.now().getTime() - 48 * 3_600_000),
  ]);
  return rows.length;
}
