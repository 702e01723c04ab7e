import type { CertificateKind, Lang } from '@climalog/pdf';
import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { canReadCustomers } from '../customers/customers.policy.js';
import { findWorkOrder } from '../work-orders/work-orders.repository.js';
import { presentWorkOrders } from '../work-orders/work-orders.service.js';
import {
  activityLine,
  companyOf,
  customerParty,
  cylinderLabels,
  executorOf,
  installationSummaries,
  workOrderDocument,
} from './document-data.js';

export type PdfFile = { filename: string; pdf: Buffer };

const FILE_WORDS: Record<Lang, { workOrder: string; card: string }> = {
  nl: { workOrder: 'werkbon', card: 'instructiekaart' },
  fr: { workOrder: 'bon-de-travail', card: 'fiche-instructions' },
  en: { workOrder: 'work-order', card: 'instruction-card' },
  de: { workOrder: 'arbeitsauftrag', card: 'anweisungskarte' },
};

/** "werkbon-12.pdf": the download name in the document's language, the same in the app and the portal. */
export const workOrderFilename = (lang: Lang, number: number | string) =>
  `${FILE_WORDS[lang].workOrder}-${number}.pdf`;

function assertCanRead(ctx: ServiceContext) {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
}

const recordDownload = (deps: AppDeps, ctx: ServiceContext, details: Record<string, unknown>) =>
  withTenant(deps.db, ctx.tenantId, (tx) =>
    audit(
      tx,
      ctx,
      { action: 'export.created', entityType: 'export', details: { format: 'pdf', ...details } },
      deps.now(),
    ),
  );

/** The work order PDF, in the customer's language unless another is asked for. */
export async function workOrderPdf(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  lang?: Lang,
): Promise<PdfFile> {
  assertCanRead(ctx);
  const now = deps.now();
  const document = await withTenant(deps.db, ctx.tenantId, (tx) => workOrderDocument(tx, ctx, id, lang, now));
  const pdf = await deps.pdf.render({ kind: 'work_order', data: document });
  await recordDownload(deps, ctx, {
    resource: 'work_order_document',
    workOrderId: id,
    language: document.lang,
  });
  return { filename: workOrderFilename(document.lang, document.number), pdf };
}

/** Which activity a certificate certifies, and which stored forecast gives the next date. */
const CERTIFIED: Record<CertificateKind, { activity: string; forecast: string }> = {
  leak_check: { activity: 'leak_check', forecast: 'leak_check' },
  heating_maintenance: { activity: 'heating_maintenance', forecast: 'heating_maintenance' },
  heating_audit: { activity: 'heating_audit', forecast: 'heating_audit' },
  energy_inspection: { activity: 'energy_inspection', forecast: 'energy_inspection' },
};

/** A certificate for one installation of an executed work order. */
export async function certificatePdf(
  deps: AppDeps,
  ctx: ServiceContext,
  workOrderId: string,
  kind: CertificateKind,
  installationId: string | undefined,
  lang?: Lang,
): Promise<PdfFile> {
  assertCanRead(ctx);
  return renderCertificate(deps, ctx, workOrderId, kind, installationId, lang);
}

/**
 * The certificate itself, for a caller that has already decided the reader may have it (the Service
 * API by role, the customer portal by what its code grants). The download is audited as the reader.
 */
export async function renderCertificate(
  deps: AppDeps,
  ctx: ServiceContext,
  workOrderId: string,
  kind: CertificateKind,
  installationId: string | undefined,
  lang?: Lang,
): Promise<PdfFile> {
  const now = deps.now();
  const document = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findWorkOrder(tx, ctx.tenantId, workOrderId);
    if (!row) throw notFound('Work order');
    const w = (await presentWorkOrders(tx, ctx, [row]))[0]!;
    if (w.status !== 'executed' || !w.executedOn) {
      throw new AppError('conflict', 'Certificates are for executed work.', { reason: 'not_executed' });
    }
    const activity = w.activities.find(
      (a) => a.type === CERTIFIED[kind].activity && (!installationId || a.installationId === installationId),
    );
    if (!activity)
      throw new AppError('not_found', 'This work order has no such activity to certify.', {
        reason: 'no_activity',
      });
    const installations = await installationSummaries(
      tx,
      ctx.tenantId,
      [activity.installationId],
      w.executedOn,
    );
    const installation = installations.get(activity.installationId)!;
    const customer = await customerParty(tx, ctx.tenantId, w.customerId, installation.locationId);
    const cylinders = await cylinderLabels(
      tx,
      ctx.tenantId,
      activity.cylinderId ? [activity.cylinderId] : [],
    );
    const language = lang ?? customer.language;
    const [next] = await tx.query<{ due_on: string; explanations: Record<Lang, string> }>(
      `select f.due_on::text as due_on, f.explanations from forecasts f
        where f.tenant_id = $1 and f.type = $2 and f.status = 'planned'
          and (f.installation_id = $3 or f.building_id = (select building_id from installations where tenant_id = $1 and id = $3))
        limit 1`,
      [ctx.tenantId, CERTIFIED[kind].forecast, activity.installationId],
    );
    return {
      lang: language,
      kind,
      company: await companyOf(tx, ctx.tenantId),
      customer,
      installation,
      activity: activityLine(
        activity,
        installation.reference,
        activity.cylinderId ? (cylinders.get(activity.cylinderId) ?? null) : null,
        w.executedOn,
      ),
      workOrderNumber: w.number,
      executedOn: w.executedOn,
      executor: await executorOf(tx, ctx.tenantId, w.executorId),
      nextDue: next
        ? { dueOn: next.due_on, explanation: next.explanations[language] ?? next.explanations.en ?? '' }
        : null,
      generatedAt: now.toISOString(),
    };
  });
  const pdf = await deps.pdf.render({ kind: 'certificate', data: document });
  await recordDownload(deps, ctx, { resource: 'certificate', kind, workOrderId });
  return { filename: `${kind.replace(/_/g, '-')}-${document.workOrderNumber}.pdf`, pdf };
}

/** The card by the installation; its QR code opens the customer portal for this installation. */
export async function instructionCardPdf(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  lang?: Lang,
): Promise<PdfFile> {
  assertCanRead(ctx);
  const now = deps.now();
  const document = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const installations = await installationSummaries(
      tx,
      ctx.tenantId,
      [installationId],
      now.toISOString().slice(0, 10),
    );
    const installation = installations.get(installationId);
    if (!installation) throw notFound('Installation');
    const [owner] = await tx.query<{ customer_id: string }>(
      'select customer_id from installations where tenant_id = $1 and id = $2',
      [ctx.tenantId, installationId],
    );
    const customer = await customerParty(tx, ctx.tenantId, owner!.customer_id, installation.locationId);
    const components = await tx.query<{ kind: string; brand: string; model: string; serial_number: string }>(
      'select kind, brand, model, serial_number from installation_components where tenant_id = $1 and installation_id = $2 order by position',
      [ctx.tenantId, installationId],
    );
    return {
      lang: lang ?? customer.language,
      company: await companyOf(tx, ctx.tenantId),
      customer,
      installation,
      components: components.map((c) => ({
        kind: c.kind,
        brand: c.brand,
        model: c.model,
        serialNumber: c.serial_number,
      })),
      portalUrl: new URL(
        `/portal?token=${encodeURIComponent(installation.token)}`,
        deps.config.publicUrl,
      ).toString(),
      generatedAt: now.toISOString(),
    };
  });
  const pdf = await deps.pdf.render({ kind: 'instruction_card', data: document });
  await recordDownload(deps, ctx, { resource: 'instruction_card', installationId });
  return { filename: `${FILE_WORDS[document.lang].card}-${document.installation.token}.pdf`, pdf };
}
