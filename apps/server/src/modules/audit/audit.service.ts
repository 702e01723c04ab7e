import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { decodeCursor, pageFrom } from '../../http/cursor.js';
import { forbidden } from '../../http/errors.js';
import { isAdministrator } from '../users/roles.js';
import { audit } from './audit-recorder.js';
import { GENESIS_HASH, hashEvent } from './audit-chain.js';
import {
  chainHead,
  eventsInOrder,
  listAuditEvents,
  toChainedEvent,
  type AuditFilter,
  type AuditRow,
} from './audit.repository.js';

export type AuditEventView = {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: string; id: string | null; name: string };
  action: string;
  entity: { type: string | null; id: string | null };
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  hash: string;
};

export const presentAuditEvent = (row: AuditRow): AuditEventView => ({
  id: row.id,
  seq: row.seq,
  occurredAt: row.occurred_at.toISOString(),
  actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
  action: row.action,
  entity: { type: row.entity_type, id: row.entity_id },
  ip: row.ip,
  userAgent: row.user_agent,
  requestId: row.request_id,
  details: row.details,
  hash: row.hash,
});

function assertCanReadAudit(ctx: ServiceContext): void {
  if (!isAdministrator(ctx.principal)) throw forbidden('Only administrators read the audit log.');
}

export type AuditQuery = Omit<AuditFilter, 'beforeSeq' | 'limit'> & {
  limit: number;
  cursor?: string | undefined;
};

export async function listAuditPage(deps: AppDeps, ctx: ServiceContext, query: AuditQuery) {
  assertCanReadAudit(ctx);
  const before = decodeCursor(query.cursor, ['number'] as const);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await listAuditEvents(tx, ctx.tenantId, {
      ...query,
      beforeSeq: before?.[0],
      limit: query.limit + 1,
    });
    // Reading the log is itself recorded (once per search, not per page).
    if (!query.cursor) {
      await audit(
        tx,
        ctx,
        { action: 'audit.viewed', entityType: 'audit_log', details: filterDetails(query) },
        deps.now(),
      );
    }
    return pageFrom(rows, query.limit, presentAuditEvent, (r) => [r.seq]);
  });
}

const filterDetails = (q: AuditQuery) =>
  Object.fromEntries(
    Object.entries({
      actorId: q.actorId,
      entityId: q.entityId,
      action: q.action,
      from: q.from?.toISOString(),
      to: q.to?.toISOString(),
    }).filter(([, v]) => v !== undefined),
  );

/** Batches of the filtered log for the spreadsheet export; the export is recorded first. */
export async function* exportAuditEvents(
  deps: AppDeps,
  ctx: ServiceContext,
  query: AuditQuery,
): AsyncGenerator<AuditRow[]> {
  assertCanReadAudit(ctx);
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      {
        action: 'export.created',
        entityType: 'export',
        details: { resource: 'audit_events', format: 'xlsx', ...filterDetails(query) },
      },
      deps.now(),
    ),
  );
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await withTenant(deps.db, ctx.tenantId, (tx) =>
      listAuditEvents(tx, ctx.tenantId, { ...query, beforeSeq, limit: 1000 }),
    );
    if (rows.length === 0) return;
    yield rows;
    beforeSeq = rows.at(-1)!.seq;
  }
}

export type ChainVerification = {
  intact: boolean;
  checkedEvents: number;
  lastSeq: number;
  brokenAtSeq: number | null;
  problem: string | null;
};

/**
 * Recomputes every event's hash in order and checks each link to the previous event and the
 * stored head: any edited, removed or inserted event breaks the chain at that point.
 */
export async function verifyAuditChain(deps: AppDeps, ctx: ServiceContext): Promise<ChainVerification> {
  assertCanReadAudit(ctx);
  let previousHash = GENESIS_HASH;
  let previousSeq = 0;
  let checked = 0;
  const broken = (seq: number, problem: string): ChainVerification => ({
    intact: false,
    checkedEvents: checked,
    lastSeq: previousSeq,
    brokenAtSeq: seq,
    problem,
  });
  const head = await withTenant(deps.db, ctx.tenantId, (tx) => chainHead(tx, ctx.tenantId));
  for (;;) {
    const rows = await withTenant(deps.db, ctx.tenantId, (tx) =>
      eventsInOrder(tx, ctx.tenantId, previousSeq, 1000),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== previousSeq + 1)
        return broken(previousSeq + 1, 'An event is missing from the sequence.');
      if (row.prev_hash !== previousHash)
        return broken(row.seq, 'The event does not link to the one before it.');
      if (hashEvent(toChainedEvent(row)) !== row.hash)
        return broken(row.seq, 'The event was changed after it was written.');
      previousHash = row.hash;
      previousSeq = row.seq;
      checked++;
      if (head && row.seq === head.last_seq) break;
    }
    if (head && previousSeq >= head.last_seq) break;
  }
  if (head && (head.last_seq !== previousSeq || head.last_hash !== previousHash)) {
    return broken(previousSeq + 1, 'The newest events are missing.');
  }
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      { action: 'audit.verified', entityType: 'audit_log', details: { checkedEvents: checked } },
      deps.now(),
    ),
  );
  return { intact: true, checkedEvents: checked, lastSeq: previousSeq, brokenAtSeq: null, problem: null };
}
