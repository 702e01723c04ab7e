import type { Lang } from '@climalog/pdf';
import { formatDate } from '@climalog/pdf';
import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { fieldError, forbidden, notFound } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { canReadCustomers } from '../customers/customers.policy.js';
import { readSettings } from '../settings/settings.service.js';
import { principalOf } from '../users/principal-of.js';
import { findWorkOrder } from '../work-orders/work-orders.repository.js';
import { workOrderDocument } from './document-data.js';

export const SEND_JOB = 'work_orders.send';
/** After this many failed attempts a send is shown as failed (the job queue spaces them out). */
export const MAX_SEND_ATTEMPTS = 5;

type DefaultTemplate = { subject: string; body: string };

const DEFAULT_TEMPLATES: Record<Lang, DefaultTemplate> = {
  nl: {
    subject: 'Werkbon {workOrderNumber} van {companyName}',
    body: 'Beste {customerName},\n\nIn bijlage vindt u werkbon {workOrderNumber} van {date}.\n\nMet vriendelijke groeten,\n{companyName}',
  },
  fr: {
    subject: 'Bon de travail {workOrderNumber} de {companyName}',
    body: 'Bonjour {customerName},\n\nVous trouverez en annexe le bon de travail {workOrderNumber} du {date}.\n\nMeilleures salutations,\n{companyName}',
  },
  en: {
    subject: 'Work order {workOrderNumber} from {companyName}',
    body: 'Dear {customerName},\n\nPlease find attached work order {workOrderNumber} of {date}.\n\nKind regards,\n{companyName}',
  },
  de: {
    subject: 'Arbeitsauftrag {workOrderNumber} von {companyName}',
    body: 'Guten Tag {customerName},\n\nanbei erhalten Sie den Arbeitsauftrag {workOrderNumber} vom {date}.\n\nMit freundlichen Grüßen\n{companyName}',
  },
};

/** Replaces {placeholders}; unknown ones stay visible so a typo in a template is noticed. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

export type SendView = {
  id: string;
  to: string[];
  bcc: string[];
  language: Lang;
  subject: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

type SendRow = {
  id: string;
  work_order_id: string;
  recipients: string[];
  bcc: string[];
  language: Lang;
  template_id: string | null;
  subject: string;
  status: SendView['status'];
  attempts: number;
  last_error: string | null;
  created_by: string | null;
  created_at: Date;
  sent_at: Date | null;
};

const present = (r: SendRow): SendView => ({
  id: r.id,
  to: r.recipients,
  bcc: r.bcc,
  language: r.language,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
});

/** Queues the work order for sending; the BCC addresses of the settings are added. */
export async function sendWorkOrder(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  input: { to: string[]; templateId?: string | undefined; lang?: Lang | undefined },
): Promise<SendView> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const workOrder = await findWorkOrder(tx, ctx.tenantId, id);
    if (!workOrder) throw notFound('Work order');
    const settings = await readSettings(tx, ctx.tenantId);
    if (input.templateId && !settings.emailTemplates.some((t) => t.id === input.templateId)) {
      throw fieldError('templateId', 'No email template with this id.', 'not_found');
    }
    const [customer] = await tx.query<{ language: Lang }>(
      'select language from customers where tenant_id = $1 and id = $2',
      [ctx.tenantId, workOrder.customer_id],
    );
    const language = input.lang ?? customer?.language ?? 'nl';
    const [row] = await tx.query<SendRow>(
      `insert into work_order_sends (tenant_id, work_order_id, recipients, bcc, language, template_id, status, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, 'queued', $7, $8) returning *`,
      [
        ctx.tenantId,
        id,
        input.to,
        settings.bccAddresses,
        language,
        input.templateId ?? null,
        ctx.principal.userId,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'work_order.sent',
        entityType: 'work_order',
        entityId: id,
        details: { to: input.to, bcc: settings.bccAddresses.length },
      },
      now,
    );
    deps.jobs.enqueue(tx, SEND_JOB, { tenantId: ctx.tenantId, sendId: row!.id });
    return present(row!);
  });
}

export async function listSends(
  deps: AppDeps,
  ctx: ServiceContext,
  workOrderId: string,
): Promise<SendView[]> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    if (!(await findWorkOrder(tx, ctx.tenantId, workOrderId))) throw notFound('Work order');
    const rows = await tx.query<SendRow>(
      'select * from work_order_sends where tenant_id = $1 and work_order_id = $2 order by created_at desc',
      [ctx.tenantId, workOrderId],
    );
    return rows.map(present);
  });
}

/**
 * The send job: renders the PDF in the chosen language, fills the template and mails it. A failure
 * is retried by the queue; after the last attempt the send is marked failed with the reason.
 */
export async function runSend(deps: AppDeps, tenantId: string, sendId: string): Promise<void> {
  const [send] = await withTenant(deps.db, tenantId, (tx) =>
    tx.query<SendRow>('select * from work_order_sends where tenant_id = $1 and id = $2', [tenantId, sendId]),
  );
  if (!send || send.status !== 'queued') return;
  const principal = await principalOf(deps, tenantId, send.created_by);
  const ctx: ServiceContext = {
    tenantId,
    principal,
    requestId: `send-${sendId}`,
    ip: null,
    userAgent: 'mail',
  };
  const now = deps.now();
  try {
    const { document, template } = await withTenant(deps.db, tenantId, async (tx) => {
      const settings = await readSettings(tx, tenantId);
      const chosen =
        settings.emailTemplates.find((t) => t.id === send.template_id) ??
        settings.emailTemplates.find((t) => t.language === send.language);
      return {
        document: await workOrderDocument(tx, ctx, send.work_order_id, send.language, now),
        template: chosen ?? DEFAULT_TEMPLATES[send.language],
      };
    });
    const pdf = await deps.pdf.render({ kind: 'work_order', data: document });
    const values = {
      customerName: document.customer.name,
      workOrderNumber: String(document.number),
      date: formatDate(document.executedOn ?? document.plannedOn ?? now.toISOString(), send.language),
      companyName: document.company.name,
    };
    // Subjects are one line: whatever a template holds, no line break reaches the mail header.
    const subject = fillTemplate(template.subject, values).replace(/[\r\n]+/g, ' ');
    await deps.mailer.send({
      to: send.recipients,
      bcc: send.bcc,
      subject,
      text: fillTemplate(template.body, values),
      attachments: [{ filename: `${document.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
    });
    await withTenant(deps.db, tenantId, (tx) =>
      tx.query(
        "update work_order_sends set status = 'sent', subject = $3, attempts = attempts + 1, sent_at = $4, last_error = null where tenant_id = $1 and id = $2",
        [tenantId, sendId, subject, deps.now()],
      ),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [row] = await withTenant(deps.db, tenantId, (tx) =>
      tx.query<{ attempts: number }>(
        `update work_order_sends set attempts = attempts + 1, last_error = $3,
            status = case when attempts + 1 >= $4 then 'failed' else status end
          where tenant_id = $1 and id = $2 returning attempts`,
        [tenantId, sendId, message.slice(0, 500), MAX_SEND_ATTEMPTS],
      ),
    );
    // Thrown again so the queue retries it later, until the last attempt.
    if ((row?.attempts ?? MAX_SEND_ATTEMPTS) < MAX_SEND_ATTEMPTS) throw error;
  }
}
