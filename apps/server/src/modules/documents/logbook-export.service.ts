import { createHash } from 'node:crypto';
import type { Lang, LogbookEntry } from '@climalog/pdf';
import type { FastifyReply } from 'fastify';
import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { forbidden, notFound } from '../../http/errors.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { audit } from '../audit/audit-recorder.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { isManagerOrAbove } from '../users/roles.js';
import { evaluateInstallations } from '../forecasts/forecast-evaluation.js';
import type { InstallationRow } from '../installations/installations.repository.js';
import type { ActivityView } from '../work-orders/activities.schemas.js';
import {
  activityLine,
  companyOf,
  customerParty,
  cylinderLabels,
  installationSummaries,
} from './document-data.js';

type EntryRow = {
  work_order_id: string;
  number: number;
  executed_on: string;
  executor: string | null;
  type: ActivityView['type'];
  result: ActivityView['result'];
  refrigerant: string | null;
  quantity_kg: number | null;
  cylinder_id: string | null;
  details: Record<string, unknown>;
};

/** The executed work on one installation, as it stood at a moment (every export fixes one). */
async function logbookRows(
  tx: Queryable,
  tenantId: string,
  installationId: string,
  asOf: Date,
): Promise<EntryRow[]> {
  return tx.query<EntryRow>(
    `select w.id as work_order_id, w.number, w.executed_on::text as executed_on,
            nullif(trim(u.first_name || ' ' || u.last_name), '') as executor,
            a.type, a.result, a.refrigerant, a.quantity_kg, a.cylinder_id, a.details
       from activities a
       join work_orders w on w.tenant_id = a.tenant_id and w.id = a.work_order_id
       left join users u on u.tenant_id = w.tenant_id and u.id = w.executor_id
      where a.tenant_id = $1 and a.installation_id = $2 and w.status = 'executed' and w.created_at <= $3
      order by w.executed_on, w.number, a.position`,
    [tenantId, installationId, asOf],
  );
}

/** SHA-256 over a canonical form of the entries: what a presented logbook is checked against. */
function entriesHash(installationId: string, rows: EntryRow[]): string {
  const canonical = rows.map((r) => ({
    number: r.number,
    executedOn: r.executed_on,
    type: r.type,
    result: r.result,
    refrigerant: r.refrigerant,
    quantityKg: r.quantity_kg,
    details: r.details,
  }));
  return createHash('sha256')
    .update(canonicalJson({ installationId, entries: canonical }))
    .digest('hex');
}

const chainDigest = (previous: string | null, hash: string, installationId: string, at: Date) =>
  createHash('sha256')
    .update(`${previous ?? ''}|${hash}|${installationId}|${at.toISOString()}`)
    .digest('hex');

/**
 * Exports an installation's full logbook as PDF or .xlsx with a verification digest chained to the
 * previous export. Managers and administrators (technicians have no exports).
 */
export async function exportLogbook(
  deps: AppDeps,
  ctx: ServiceContext,
  reply: FastifyReply,
  installationId: string,
  format: 'pdf' | 'xlsx',
  lang?: Lang,
): Promise<FastifyReply> {
  if (!isManagerOrAbove(ctx.principal)) throw forbidden('Exports are for managers and administrators.');
  return writeLogbookExport(deps, ctx, reply, installationId, format, lang);
}

/**
 * The export itself, for a caller that has already decided the reader may have it (managers in the
 * Service API, the customer portal for an installation its code grants). Recorded and audited as the
 * reader, so the chain of digests holds exports from both sides.
 */
export async function writeLogbookExport(
  deps: AppDeps,
  ctx: ServiceContext,
  reply: FastifyReply,
  installationId: string,
  format: 'pdf' | 'xlsx',
  lang?: Lang,
): Promise<FastifyReply> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const prepared = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [installation] = await tx.query<InstallationRow>(
      `select i.*, '' as customer_name from installations i where i.tenant_id = $1 and i.id = $2`,
      [ctx.tenantId, installationId],
    );
    if (!installation) throw notFound('Installation');
    const rows = await logbookRows(tx, ctx.tenantId, installationId, now);
    const hash = entriesHash(installationId, rows);
    const [previous] = await tx.query<{ digest: string }>(
      'select digest from logbook_exports where tenant_id = $1 and installation_id = $2 order by created_at desc limit 1',
      [ctx.tenantId, installationId],
    );
    const digest = chainDigest(previous?.digest ?? null, hash, installationId, now);
    await tx.query(
      `insert into logbook_exports (tenant_id, installation_id, digest, previous_digest, entries_hash, entry_count, format, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ctx.tenantId,
        installationId,
        digest,
        previous?.digest ?? null,
        hash,
        rows.length,
        format,
        // created_by names a user; a portal visitor is an end customer (the audit event says who).
        ctx.principal.kind === 'end_customer' ? null : ctx.principal.userId,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'export.created',
        entityType: 'export',
        details: { resource: 'logbook', installationId, format, digest },
      },
      now,
    );
    const summary = (await installationSummaries(tx, ctx.tenantId, [installationId], today)).get(
      installationId,
    )!;
    const customer = await customerParty(
      tx,
      ctx.tenantId,
      installation.customer_id,
      installation.location_id,
    );
    const cylinders = await cylinderLabels(
      tx,
      ctx.tenantId,
      rows.flatMap((r) => (r.cylinder_id ? [r.cylinder_id] : [])),
    );
    const evaluation = (
      await evaluateInstallations(tx, ctx.tenantId, [installation], today, lang ?? customer.language)
    ).get(installationId);
    return {
      rows,
      digest,
      previous: previous?.digest ?? null,
      summary,
      customer,
      cylinders,
      company: await companyOf(tx, ctx.tenantId),
      leakLoss: evaluation?.leakLoss ?? null,
    };
  });
  const language = lang ?? prepared.customer.language;
  const entries = new Map<string, LogbookEntry>();
  for (const r of prepared.rows) {
    const entry = entries.get(r.work_order_id) ?? {
      date: r.executed_on,
      workOrderNumber: r.number,
      executor: r.executor,
      activities: [],
    };
    const view: ActivityView = {
      id: '',
      installationId,
      type: r.type,
      result: r.result,
      refrigerant: r.refrigerant,
      quantityKg: r.quantity_kg,
      cylinderId: r.cylinder_id,
      details: r.details,
    };
    entry.activities.push(
      activityLine(
        view,
        prepared.summary.reference,
        r.cylinder_id ? (prepared.cylinders.get(r.cylinder_id) ?? null) : null,
        r.executed_on,
      ),
    );
    entries.set(r.work_order_id, entry);
  }
  const verifyUrl = new URL(`/verify/${prepared.digest}`, deps.config.publicUrl).toString();
  const base = `logbook-${prepared.summary.token}`;
  reply.header('x-logbook-digest', prepared.digest);
  if (format === 'pdf') {
    const pdf = await deps.pdf.render({
      kind: 'logbook',
      data: {
        lang: language,
        company: prepared.company,
        customer: prepared.customer,
        installation: prepared.summary,
        entries: [...entries.values()],
        leakLoss: prepared.leakLoss
          ? { percent: prepared.leakLoss.percent, limitPercent: prepared.leakLoss.limitPercent }
          : null,
        digest: prepared.digest,
        previousDigest: prepared.previous,
        verifyUrl,
        generatedAt: now.toISOString(),
      },
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${base}.pdf"`)
      .send(pdf);
  }
  const lines = [...entries.values()].flatMap((e) => e.activities.map((a) => ({ e, a })));
  return sendXlsx(reply, {
    filename: `${base}.xlsx`,
    sheetName: 'Logbook',
    batches: (async function* () {
      yield [...lines, null];
    })(),
    columns: [
      { header: 'Date', width: 12, value: (l) => (l ? l.e.date : 'Verification digest (SHA-256)') },
      { header: 'Work order', width: 10, value: (l) => (l ? l.e.workOrderNumber : prepared.digest) },
      { header: 'Technician', width: 22, value: (l) => (l ? l.e.executor : verifyUrl) },
      { header: 'Activity', width: 22, value: (l) => l?.a.type ?? null },
      { header: 'Result', width: 12, value: (l) => l?.a.result ?? null },
      { header: 'Refrigerant', width: 12, value: (l) => l?.a.refrigerant ?? null },
      { header: 'Quantity (kg)', width: 12, value: (l) => l?.a.quantityKg ?? null },
      {
        header: 't CO2e',
        width: 10,
        value: (l) =>
          l?.a.co2eTonnes === null || l?.a.co2eTonnes === undefined
            ? null
            : Math.round(l.a.co2eTonnes * 100) / 100,
      },
      {
        header: 'Details',
        width: 40,
        value: (l) => (l ? [l.a.description, l.a.notes].filter(Boolean).join(' · ') : null),
      },
    ],
  });
}

export type Verification = {
  valid: boolean;
  exportedAt: string | null;
  entryCount: number | null;
  unchangedSinceExport: boolean | null;
};

/**
 * Public check of a presented logbook export: does the digest exist, and does the logbook as it
 * stood then still match what is stored? Says nothing about whose logbook it is.
 */
export async function verifyLogbookDigest(deps: AppDeps, digest: string): Promise<Verification> {
  if (!/^[0-9a-f]{64}$/.test(digest))
    return { valid: false, exportedAt: null, entryCount: null, unchangedSinceExport: null };
  // Owner-role lookup by digest: the tenant is not known before the export is found.
  const [found] = await deps.db.query<{
    tenant_id: string;
    installation_id: string;
    entries_hash: string;
    entry_count: number;
    created_at: Date;
  }>(
    'select tenant_id, installation_id, entries_hash, entry_count, created_at from logbook_exports where digest = $1',
    [digest],
  );
  if (!found) return { valid: false, exportedAt: null, entryCount: null, unchangedSinceExport: null };
  const rows = await withTenant(deps.db, found.tenant_id, (tx) =>
    logbookRows(tx, found.tenant_id, found.installation_id, found.created_at),
  );
  return {
    valid: true,
    exportedAt: found.created_at.toISOString(),
    entryCount: found.entry_count,
    unchangedSinceExport: entriesHash(found.installation_id, rows) === found.entries_hash,
  };
}
