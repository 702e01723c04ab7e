import type { CertificateKind } from '@climalog/pdf';
import type { FastifyReply } from 'fastify';
import type { AppDeps, Language, Principal, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { notFound } from '../../http/errors.js';
import { recordAudit, type AuditEntry } from '../audit/audit-recorder.js';
import { workOrderDocument } from '../documents/document-data.js';
import { renderCertificate, workOrderFilename } from '../documents/documents.service.js';
import { writeLogbookExport } from '../documents/logbook-export.service.js';
import { readSettings } from '../settings/settings.service.js';
import type { InstallationRow } from '../installations/installations.repository.js';
import { presentInstallations } from '../installations/installations.service.js';
import { listWorkOrders } from '../work-orders/work-orders.repository.js';
import { presentWorkOrders } from '../work-orders/work-orders.service.js';
import { portalActor, type PortalScope } from './portal-session.js';

/** What a portal session may see, as SQL over installations `i`: its customer, location or one installation. */
const VISIBLE = `i.tenant_id = $1 and i.customer_id = $2 and i.archived_at is null
  and ($3::uuid is null or i.location_id = $3::uuid) and ($4::uuid is null or i.id = $4::uuid)`;
const scopeParams = (s: PortalScope) => [s.tenantId, s.customerId, s.locationId, s.installationId];

/** End customers read, they hold no role: views built for them offer no actions. */
function readerContext(
  s: PortalScope,
  meta: { ip: string | null; userAgent: string | null; requestId: string },
): ServiceContext {
  const principal: Principal = {
    kind: 'end_customer',
    userId: s.customerId,
    tenantId: s.tenantId,
    name: s.customerName,
    roles: [],
    language: s.language,
  };
  return { ...meta, tenantId: s.tenantId, principal };
}

const record = (
  tx: Queryable,
  s: PortalScope,
  meta: { ip: string | null; userAgent: string | null; requestId: string },
  entry: AuditEntry,
  now: Date,
) => recordAudit(tx, s.tenantId, portalActor(s), meta, entry, now);

async function visibleInstallations(tx: Queryable, s: PortalScope): Promise<InstallationRow[]> {
  return tx.query<InstallationRow>(
    `select i.*, c.name as customer_name from installations i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
      where ${VISIBLE} order by i.location_id, i.reference, i.id`,
    scopeParams(s),
  );
}

type Meta = { ip: string | null; userAgent: string | null; requestId: string };

export async function portalInstallations(deps: AppDeps, s: PortalScope, meta: Meta, lang: Language) {
  return withTenant(deps.db, s.tenantId, async (tx) => {
    const rows = await visibleInstallations(tx, s);
    const locations = await tx.query<{
      id: string;
      name: string;
      street: string;
      number: string;
      postcode: string;
      city: string;
    }>(
      'select id, name, street, number, postcode, city from locations where tenant_id = $1 and id = any($2::uuid[])',
      [s.tenantId, [...new Set(rows.map((r) => r.location_id))]],
    );
    const views = await presentInstallations(
      tx,
      deps,
      { ...readerContext(s, meta), principal: { ...readerContext(s, meta).principal, language: lang } },
      rows,
    );
    await record(
      tx,
      s,
      meta,
      {
        action: 'portal.viewed',
        entityType: s.scope,
        entityId: s.locationId ?? s.customerId,
        details: { view: 'installations' },
      },
      deps.now(),
    );
    return {
      items: views.map((v) => ({
        id: v.id,
        locationId: v.locationId,
        kind: v.kind,
        reference: v.reference,
        brand: v.brand,
        model: v.model,
        serialNumber: v.serialNumber,
        refrigerant: v.refrigerant,
        chargeKg: v.chargeKg,
        co2eTonnes: v.co2eTonnes,
        hermeticallySealed: v.hermeticallySealed,
        leakDetectionSystem: v.leakDetectionSystem,
        coolingCapacityKw: v.coolingCapacityKw,
        heatingFuel: v.heatingFuel,
        heatingCapacityKw: v.heatingCapacityKw,
        commissionedOn: v.commissionedOn,
        token: v.token,
        forecast: v.forecast,
        leakLoss: v.leakLoss,
      })),
      locations: locations.map((l) => ({
        id: l.id,
        name: l.name,
        address: [`${l.street} ${l.number}`.trim(), `${l.postcode} ${l.city}`.trim()]
          .filter(Boolean)
          .join(', '),
      })),
    };
  });
}

/** The executed work on one visible installation: the logbook as the customer sees it. */
export async function portalLogbook(deps: AppDeps, s: PortalScope, meta: Meta, installationId: string) {
  return withTenant(deps.db, s.tenantId, async (tx) => {
    const visible = await tx.query(`select 1 from installations i where ${VISIBLE} and i.id = $5`, [
      ...scopeParams(s),
      installationId,
    ]);
    if (visible.length === 0) throw notFound('Installation');
    const rows = await listWorkOrders(tx, s.tenantId, { installationId, status: 'executed', limit: 10_000 });
    const views = await presentWorkOrders(tx, readerContext(s, meta), rows);
    await record(
      tx,
      s,
      meta,
      {
        action: 'portal.viewed',
        entityType: 'installation',
        entityId: installationId,
        details: { view: 'logbook' },
      },
      deps.now(),
    );
    return {
      items: views.map((w) => ({
        id: w.id,
        number: w.number,
        executedOn: w.executedOn,
        executorName: w.executorName,
        activities: w.activities
          .filter((a) => a.installationId === installationId)
          .map(({ cylinderId: _stock, ...activity }) => activity),
      })),
    };
  });
}

/** A work order PDF, if it is executed work on an installation the session may see. */
export async function portalWorkOrderPdf(
  deps: AppDeps,
  s: PortalScope,
  meta: Meta,
  workOrderId: string,
  lang: Language,
) {
  const now = deps.now();
  const document = await withTenant(deps.db, s.tenantId, async (tx) => {
    const [allowed] = await tx.query(
      `select 1 from work_orders w join work_order_installations x on x.tenant_id = w.tenant_id and x.work_order_id = w.id
         join installations i on i.tenant_id = x.tenant_id and i.id = x.installation_id
        where w.tenant_id = $1 and w.id = $5 and w.status = 'executed' and ${VISIBLE.replace('i.tenant_id = $1 and ', '')}
        limit 1`,
      [...scopeParams(s), workOrderId],
    );
    if (!allowed) throw notFound('Work order');
    const doc = await workOrderDocument(tx, readerContext(s, meta), workOrderId, lang, now);
    await record(
      tx,
      s,
      meta,
      {
        action: 'portal.downloaded',
        entityType: 'work_order',
        entityId: workOrderId,
        details: { language: lang },
      },
      now,
    );
    return doc;
  });
  return {
    filename: workOrderFilename(document.lang, document.number),
    pdf: await deps.pdf.render({ kind: 'work_order', data: document }),
  };
}

/**
 * Who at the service company consulted or exported this customer's data, and when — read from the
 * audit log (reads and exports by people and integrations, not the customer's own portal visits).
 */
export async function portalConsultations(deps: AppDeps, s: PortalScope, meta: Meta) {
  return withTenant(deps.db, s.tenantId, async (tx) => {
    const ids = await tx.query<{ id: string }>(
      `select i.id from installations i where ${VISIBLE}
       union select i.location_id from installations i where ${VISIBLE}
       union select x.work_order_id from work_order_installations x join installations i on i.tenant_id = x.tenant_id and i.id = x.installation_id where ${VISIBLE}`,
      scopeParams(s),
    );
    const entityIds = [
      ...ids.map((r) => r.id),
      ...(s.scope === 'customer' && !s.installationId ? [s.customerId] : []),
    ];
    const events = await tx.query<{
      occurred_at: Date;
      actor_type: string;
      actor_name: string;
      action: string;
      entity_type: string | null;
      entity_id: string | null;
      details: Record<string, unknown> | null;
    }>(
      `select occurred_at, actor_type, actor_name, action, entity_type, entity_id, details from audit_events
        where tenant_id = $1 and actor_type in ('user', 'system_user')
          and (action like '%.viewed' or action = 'export.created')
          and (entity_id = any($2::uuid[])
               or (details->>'installationId')::text = any($3::text[]) or (details->>'workOrderId')::text = any($3::text[]))
        order by seq desc limit 500`,
      [s.tenantId, entityIds, entityIds],
    );
    await record(
      tx,
      s,
      meta,
      {
        action: 'portal.viewed',
        entityType: s.scope,
        entityId: s.locationId ?? s.customerId,
        details: { view: 'consultations' },
      },
      deps.now(),
    );
    const labels = await subjectLabels(tx, s.tenantId, entityIds);
    return {
      items: events.map((e) => {
        const details = e.details ?? {};
        const subjectId =
          e.entity_type === 'export'
            ? String(details.installationId ?? details.workOrderId ?? '')
            : (e.entity_id ?? '');
        const str = (v: unknown) => (typeof v === 'string' ? v : null);
        return {
          at: e.occurred_at.toISOString(),
          who: e.actor_name,
          actorType: e.actor_type,
          action: e.action,
          what: e.entity_type,
          subject: labels.get(subjectId) ?? null,
          format: str(details.format),
          resource: str(details.resource),
        };
      }),
    };
  });
}

type Subject = { type: 'customer' | 'location' | 'installation' | 'work_order'; id: string; label: string };

/** Names for the records a consultation points at, so the customer reads which one was looked at. */
async function subjectLabels(tx: Queryable, tenantId: string, ids: string[]): Promise<Map<string, Subject>> {
  const rows = await tx.query<Subject>(
    `select 'customer' as type, id::text, name as label from customers where tenant_id = $1 and id = any($2::uuid[])
     union all
     select 'location', id::text, name from locations where tenant_id = $1 and id = any($2::uuid[])
     union all
     select 'installation', id::text,
            coalesce(nullif(reference, ''), nullif(trim(brand || ' ' || model), ''), token)
       from installations where tenant_id = $1 and id = any($2::uuid[])
     union all
     select 'work_order', id::text, number::text from work_orders where tenant_id = $1 and id = any($2::uuid[])`,
    [tenantId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The service company behind the portal, so the customer knows whom to call. */
export async function portalCompany(deps: AppDeps, s: PortalScope) {
  return withTenant(deps.db, s.tenantId, async (tx) => {
    const settings = await readSettings(tx, s.tenantId);
    return {
      name: settings.companyName,
      phone: settings.phone,
      email: settings.email,
      website: settings.website,
    };
  });
}

/**
 * A certificate of executed work on an installation the session may see. Without an installation id,
 * the first visible installation of that work order with such an activity.
 */
export async function portalCertificatePdf(
  deps: AppDeps,
  s: PortalScope,
  meta: Meta,
  workOrderId: string,
  kind: CertificateKind,
  installationId: string | undefined,
  lang: Language,
) {
  const [certified] = await withTenant(deps.db, s.tenantId, (tx) =>
    tx.query<{ installation_id: string }>(
      `select a.installation_id from activities a
         join work_orders w on w.tenant_id = a.tenant_id and w.id = a.work_order_id
         join installations i on i.tenant_id = a.tenant_id and i.id = a.installation_id
        where ${VISIBLE} and w.id = $5 and w.status = 'executed' and a.type = $6
          and ($7::uuid is null or a.installation_id = $7::uuid)
        order by a.installation_id limit 1`,
      [...scopeParams(s), workOrderId, kind, installationId ?? null],
    ),
  );
  if (!certified) throw notFound('Certificate');
  return renderCertificate(deps, readerContext(s, meta), workOrderId, kind, certified.installation_id, lang);
}

/** The verifiable logbook export of an installation the session may see, chained like any other. */
export async function portalLogbookExport(
  deps: AppDeps,
  s: PortalScope,
  meta: Meta,
  reply: FastifyReply,
  installationId: string,
  format: 'pdf' | 'xlsx',
  lang: Language,
) {
  const visible = await withTenant(deps.db, s.tenantId, (tx) =>
    tx.query(`select 1 from installations i where ${VISIBLE} and i.id = $5`, [
      ...scopeParams(s),
      installationId,
    ]),
  );
  if (visible.length === 0) throw notFound('Installation');
  return writeLogbookExport(deps, readerContext(s, meta), reply, installationId, format, lang);
}
