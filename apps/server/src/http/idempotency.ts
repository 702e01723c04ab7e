import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';
import type { Transaction } from '../db/database.js';
import { applicationName, PROCESS_ID, runWithBeforeCommit } from '../db/request-transaction.js';
import { APP_ROLE } from '../db/tenant-scope.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string; claim: string } | null;
  }
}

type StoredKey = {
  request_hash: string;
  state: 'running' | 'committed' | 'done';
  claim: string;
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
};

// Answers that must not be replayed: the request was not executed (bad input, not signed in, refused,
// rate-limited, conflict), so a retry with the same key should run again.
const NOT_EXECUTED = new Set([400, 401, 403, 409, 413, 415, 429]);

/**
 * Every POST accepts an Idempotency-Key: the first result is stored and replayed for a retry with
 * the same key and the same body (the field app's offline sync relies on it); the same key with a
 * different body is a 422, and a retry while the first is still running a 409. Keys belong to who
 * sent them (account and user, or client address before sign-in) and are kept at least 24 hours.
 *
 * A key survives the process that ran its request (kill -9, power loss): each claim names its
 * process, and the request's tenant transactions mark the key "committed", with the answer as it
 * stood, in the same transaction as the change. A retry that finds a key of a process that is gone
 * replays that answer when the change was committed, and otherwise takes the key over and runs the
 * request again (a takeover is fenced: the old claim can no longer commit).
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
    const claim = `${PROCESS_ID}:${randomUUID()}`;
    const inserted = await deps.db.query(
      `insert into idempotency_keys (scope, key, request_hash, state, created_at, claim) values ($1, $2, $3, 'running', $4, $5)
       on conflict (scope, key) do nothing returning key`,
      [scope, key, hash, deps.now(), claim],
    );
    if (inserted.length > 0) {
      request.idempotency = { scope, key, claim };
      return;
    }
    const [stored] = await deps.db.query<StoredKey>(
      'select request_hash, state, claim, response_status, response_type, response_body from idempotency_keys where scope = $1 and key = $2',
      [scope, key],
    );
    if (!stored) throw new AppError('conflict', 'Retry the request.', { reason: 'idempotency_race' });
    if (stored.request_hash !== hash) {
      throw new AppError('validation', 'This Idempotency-Key was used for a different request.', {
        reason: 'idempotency_mismatch',
        errors: [{ field: 'Idempotency-Key', message: 'Used for a different request.', code: 'mismatch' }],
      });
    }
    if (stored.state === 'done') return replay(reply, stored);
    if (!(await claimantIsGone(deps, stored.claim))) throw inProgress();
    // The process that ran the first request is gone. Its change was committed (with its answer):
    if (stored.state === 'committed') {
      if (stored.response_status === null) {
        throw new AppError('conflict', 'The request was carried out, but its answer was lost.', {
          reason: 'idempotency_answer_lost',
        });
      }
      return replay(reply, stored);
    }
    // …or never: this retry takes the key over and runs the request.
    const taken = await deps.db.query(
      `update idempotency_keys set claim = $4, created_at = $5
        where scope = $1 and key = $2 and state = 'running' and claim = $3 returning key`,
      [scope, key, stored.claim, claim, deps.now()],
    );
    if (taken.length === 0) throw inProgress();
    request.idempotency = { scope, key, claim };
  });

  // The rest of the request runs with the key's "committed" mark written in its tenant transactions
  // (a callback hook, so that the handler runs inside the context).
  app.addHook('preHandler', (request, reply, done) => {
    const idem = request.idempotency;
    if (!idem) return done();
    const successStatus = successStatusOf(request);
    runWithBeforeCommit(
      (tx, result) => markCommitted(tx, idem, successStatus, tentativeAnswer(reply, result, successStatus)),
      done,
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    if (NOT_EXECUTED.has(reply.statusCode)) {
      await deps.db.query('delete from idempotency_keys where scope = $1 and key = $2 and claim = $3', [
        idem.scope,
        idem.key,
        idem.claim,
      ]);
    } else if (
      typeof payload === 'string' ||
      Buffer.isBuffer(payload) ||
      payload === null ||
      payload === undefined
    ) {
      await deps.db.query(
        `update idempotency_keys set state = 'done', response_status = $3, response_type = $4, response_body = $5
          where scope = $1 and key = $2 and claim = $6`,
        [
          idem.scope,
          idem.key,
          reply.statusCode,
          String(reply.getHeader('content-type') ?? ''),
          payload === null || payload === undefined ? '' : payload.toString(),
          idem.claim,
        ],
      );
    } else {
      // A streamed answer cannot be stored; the key is released so a retry runs again.
      await deps.db.query('delete from idempotency_keys where scope = $1 and key = $2 and claim = $3', [
        idem.scope,
        idem.key,
        idem.claim,
      ]);
    }
    return payload;
  });
}

const inProgress = () =>
  new AppError('conflict', 'The first request with this Idempotency-Key is still running.', {
    reason: 'idempotency_in_progress',
  });

/**
 * Whether the process that claimed a key has ended. Only one process opens the embedded database,
 * so there any other process is gone; on PostgreSQL a live one has connections named after it.
 */
async function claimantIsGone(deps: AppDeps, claim: string): Promise<boolean> {
  const processId = claim.split(':')[0] ?? '';
  if (processId === PROCESS_ID) return false;
  if (deps.db.kind === 'pglite' || processId === '') return true;
  const [row] = await deps.db.query<{ alive: boolean }>(
    'select exists (select 1 from pg_stat_activity where application_name = $1) as alive',
    [applicationName(processId)],
  );
  return !row?.alive;
}

/** The 2xx status the route answers with when it succeeds (201 for most creations). */
function successStatusOf(request: FastifyRequest): number {
  const responses = (request.routeOptions.schema?.response ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  return status ? Number(status) : 200;
}

/** The answer as the route would send the transaction's result; null when it cannot be told. */
function tentativeAnswer(reply: FastifyReply, result: unknown, status: number): string | null {
  if (status === 204) return '';
  if (result === null || typeof result !== 'object' || Buffer.isBuffer(result)) return null;
  try {
    const body = reply.serializeInput(result as Record<string, unknown>, String(status));
    return typeof body === 'string' ? body : null;
  } catch {
    return null;
  }
}

/**
 * Written inside a tenant transaction just before it commits, when that transaction changed
 * something: the key's change is then durable exactly when the change is. A claim that was taken
 * over (its process was thought gone) may not commit any more.
 */
async function markCommitted(
  tx: Transaction,
  idem: { scope: string; key: string; claim: string },
  status: number,
  body: string | null,
): Promise<void> {
  const [wrote] = await tx.query<{ wrote: boolean }>(
    'select txid_current_if_assigned() is not null as wrote',
  );
  if (!wrote?.wrote) return;
  // idempotency_keys belong to the owner role, not to the tenant role of this transaction.
  await tx.query('set local role none');
  const marked = await tx.query(
    `update idempotency_keys set state = 'committed', response_status = $4, response_type = $5, response_body = $6
      where scope = $1 and key = $2 and claim = $3 returning key`,
    [
      idem.scope,
      idem.key,
      idem.claim,
      body === null ? null : status,
      body === null ? null : 'application/json; charset=utf-8',
      body,
    ],
  );
  if (marked.length === 0) throw inProgress();
  await tx.query(`set local role ${APP_ROLE}`);
}

function requestHash(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body)
    ? request.body.toString('base64')
    : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest('hex');
}

function replay(reply: FastifyReply, stored: StoredKey) {
  reply.header('idempotent-replayed', 'true');
  if (stored.response_type) reply.type(stored.response_type);
  return reply.status(stored.response_status ?? 200).send(stored.response_body || null);
}

/** Keys older than a day are forgotten (run on a schedule). */
export async function purgeIdempotencyKeys(deps: AppDeps): Promise<number> {
  const rows = await deps.db.query('delete from idempotency_keys where created_at < $1 returning 1', [
    new Date(deps.now().getTime() - 48 * 3_600_000),
  ]);
  return rows.length;
}
