import type { RequestMeta, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { atEndOfTransaction } from '../../db/tenant-scope.js';
import type { ActorType, AuditAction, EntityType } from './audit.catalogue.js';
import { GENESIS_HASH, hashEvent } from './audit-chain.js';
import { randomUUID } from 'node:crypto';

export type AuditActor = { type: ActorType; id: string | null; name: string };

export type AuditEntry = {
  action: AuditAction;
  entityType?: EntityType;
  entityId?: string | null;
  details?: Record<string, unknown>;
};

const USER_AGENT_MAX = 400;

export function actorOf(ctx: ServiceContext): AuditActor {
  const p = ctx.principal;
  // The field app acts as a device: the user and which of their devices.
  if (p.deviceId) return { type: 'device', id: p.userId, name: `${p.name} (${p.deviceName ?? p.deviceId})` };
  return { type: p.kind, id: p.userId, name: p.name };
}

/**
 * The one way audit events are written: inside the caller's tenant transaction, so the event
 * exists exactly when the change does. The tenant's chain head row is locked, so concurrent
 * writers append one after the other and each event carries the previous event's hash. In a
 * tenant transaction the event is appended at its end, so the head is the last lock it takes
 * (taken earlier, two writers could each wait for a lock the other holds: a deadlock).
 */
export async function recordAudit(
  tx: Queryable,
  tenantId: string,
  actor: AuditActor,
  meta: Partial<RequestMeta>,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  // Taken as it is now: the caller may change its objects before the event is appended.
  const taken = {
    ...entry,
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
  };
  const append = () => appendAuditEvent(tx, tenantId, actor, meta, taken, now);
  if (!atEndOfTransaction(tx, append)) await append();
}

async function appendAuditEvent(
  tx: Queryable,
  tenantId: string,
  actor: AuditActor,
  meta: Partial<RequestMeta>,
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  const lockHead = () =>
    tx.query<{ last_seq: number; last_hash: string }>(
      'select last_seq, last_hash from audit_chain_heads where tenant_id = $1 for update',
      [tenantId],
    );
  // The head exists after an account's first event: create it only when it is missing.
  let [head] = await lockHead();
  if (!head) {
    await tx.query(
      `insert into audit_chain_heads (tenant_id, last_seq, last_hash) values ($1, 0, $2) on conflict (tenant_id) do nothing`,
      [tenantId, GENESIS_HASH],
    );
    [head] = await lockHead();
  }
  if (!head) throw new Error('Audit chain head is not visible in this tenant scope');
  const event = {
    tenantId,
    seq: head.last_seq + 1,
    id: randomUUID(),
    // Millisecond precision, so the stored timestamp reads back exactly as it was hashed.
    occurredAt: new Date(now.getTime()),
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ? meta.userAgent.slice(0, USER_AGENT_MAX) : null,
    requestId: meta.requestId ?? null,
    // Plain JSON only, exactly as it will read back from jsonb, so the hash can be recomputed.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
    prevHash: head.last_hash,
  };
  const hash = hashEvent(event);
  // The event and the new head in one statement (one round trip less on every audited request).
  await tx.query(
    `with event as (
       insert into audit_events (tenant_id, seq, id, occurred_at, actor_type, actor_id, actor_name, action,
         entity_type, entity_id, ip, user_agent, request_id, details, prev_hash, hash)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16))
     update audit_chain_heads set last_seq = $2, last_hash = $16 where tenant_id = $1`,
    [
      event.tenantId,
      event.seq,
      event.id,
      event.occurredAt,
      event.actorType,
      event.actorId,
      event.actorName,
      event.action,
      event.entityType,
      event.entityId,
      event.ip,
      event.userAgent,
      event.requestId,
      JSON.stringify(event.details),
      event.prevHash,
      hash,
    ],
  );
}

/** Shorthand for the usual case: the signed-in principal of a service call. */
export function audit(tx: Queryable, ctx: ServiceContext, entry: AuditEntry, now?: Date): Promise<void> {
  return recordAudit(tx, ctx.tenantId, actorOf(ctx), ctx, entry, now);
}
