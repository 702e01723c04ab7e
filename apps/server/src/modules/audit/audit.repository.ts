import type { Queryable } from '../../db/database.js';
import type { ChainedEvent } from './audit-chain.js';

export type AuditRow = {
  tenant_id: string;
  seq: number;
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

export type AuditFilter = {
  actorId?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
  limit: number;
};

/** Newest first, paged by sequence number. */
export function listAuditEvents(tx: Queryable, tenantId: string, f: AuditFilter): Promise<AuditRow[]> {
  return tx.query<AuditRow>(
    `select * from audit_events
      where tenant_id = $1
        and ($2::uuid is null or actor_id = $2::uuid)
        and ($3::uuid is null or entity_id = $3::uuid)
        and ($4::text is null or action = $4 or (right($4, 2) = '.*' and action like left($4, -1) || '%'))
        and ($5::timestamptz is null or occurred_at >= $5)
        and ($6::timestamptz is null or occurred_at < $6)
        and ($7::bigint is null or seq < $7)
      order by seq desc
      limit $8`,
    [
      tenantId,
      f.actorId ?? null,
      f.entityId ?? null,
      f.action ?? null,
      f.from ?? null,
      f.to ?? null,
      f.beforeSeq ?? null,
      f.limit,
    ],
  );
}

export function eventsInOrder(
  tx: Queryable,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return tx.query<AuditRow>(
    'select * from audit_events where tenant_id = $1 and seq > $2 order by seq limit $3',
    [tenantId, afterSeq, limit],
  );
}

export async function chainHead(
  tx: Queryable,
  tenantId: string,
): Promise<{ last_seq: number; last_hash: string } | null> {
  const [row] = await tx.query<{ last_seq: number; last_hash: string }>(
    'select last_seq, last_hash from audit_chain_heads where tenant_id = $1',
    [tenantId],
  );
  return row ?? null;
}

export function toChainedEvent(row: AuditRow): ChainedEvent {
  return {
    tenantId: row.tenant_id,
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    details: row.details,
    prevHash: row.prev_hash,
  };
}
