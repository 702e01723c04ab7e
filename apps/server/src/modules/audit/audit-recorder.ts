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
  const taken: PendingEvent = {
    actor,
    meta,
    entry: { ...entry, details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown> },
    now,
  };
  const runAll = (events: PendingEvent[]) => appendAuditEvents(tx, tenantId, events);
  // Last: the chain head is then the last lock the transaction takes (see the comment above).
  if (!atEndOfTransaction(tx, { key: `audit:${tenantId}`, item: taken, runAll, last: true }))
    await runAll([taken]);
}

type PendingEvent = { actor: AuditActor; meta: Partial<RequestMeta>; entry: AuditEntry; now: Date };

/**
 * Appends events to the tenant's chain in the order given: the head is locked once, each event
 * carries the previous one's hash, and all of them and the new head are written in one statement.
 */
async function appendAuditEvents(
  tx: Queryable,
  tenantId: string,
  pending: readonly PendingEvent[],
): Promise<void> {
  if (pending.length === 0) return;
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
  let seq = head.last_seq;
  let prevHash = head.last_hash;
  const rows = pending.map(({ actor, meta, entry, now }) => {
    const event = {
      tenantId,
      seq: ++seq,
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
      // Plain JSON already (recordAudit took it so), exactly as it will read back from jsonb.
      details: entry.details ?? {},
      prevHash,
    };
    prevHash = hashEvent(event);
    return { ...event, occurredAt: event.occurredAt.toISOString(), hash: prevHash };
  });
  // The events and the new head in one statement (one round trip however many events).
  await tx.query(
    `with event as (
       insert into audit_events (tenant_id, seq, id, occurred_at, actor_type, actor_id, actor_name, action,
         entity_type, entity_id, ip, user_agent, request_id, details, prev_hash, hash)
       select $1, e.seq, e.id, e."occurredAt", e."actorType", e."actorId", e."actorName", e.action,
              e."entityType", e."entityId", e.ip, e."userAgent", e."requestId", e.details, e."prevHash", e.hash
         from jsonb_to_recordset($2::jsonb) as e(seq bigint, id uuid, "occurredAt" timestamptz, "actorType" text,
              "actorId" uuid, "actorName" text, action text, "entityType" text, "entityId" uuid, ip text,
              "userAgent" text, "requestId" text, details jsonb, "prevHash" text, hash text))
     update audit_chain_heads set last_seq = $3, last_hash = $4 where tenant_id = $1`,
    [tenantId, JSON.stringify(rows), seq, prevHash],
  );
}

/** Shorthand for the usual case: the signed-in principal of a service call. */
export function audit(tx: Queryable, ctx: ServiceContext, entry: AuditEntry, now?: Date): Promise<void> {
  return recordAudit(tx, ctx.tenantId, actorOf(ctx), ctx, entry, now);
}
