import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { emailAddress, idParam } from '../../http/schema-helpers.js';
import { certificatePdf, instructionCardPdf, workOrderPdf, type PdfFile } from './documents.service.js';
import { exportLogbook, verifyLogbookDigest } from './logbook-export.service.js';
import { listSends, sendWorkOrder } from './work-order-send.service.js';

const lang = z.enum(['nl', 'fr', 'en', 'de']).optional().describe('Overrides the customer’s language');
const pdfResponse = { 200: z.any().describe('application/pdf') };

const sendView = z
  .object({
    id: z.string(),
    to: z.array(z.string()),
    bcc: z.array(z.string()),
    language: z.enum(['nl', 'fr', 'en', 'de']),
    subject: z.string(),
    status: z.enum(['queued', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'WorkOrderSend' });

/** PDFs are downloads with a server-chosen name (RFC 6266), never rendered as a page of ours. */
export function sendPdf(reply: FastifyReply, file: PdfFile) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .send(file.pdf);
}

export function documentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/work-orders/:id/document', {
    schema: {
      tags: ['Documents'],
      summary: 'The work order as PDF, in the customer’s language unless ?lang=',
      params: idParam,
      querystring: z.strictObject({ lang }),
      response: pdfResponse,
    },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await workOrderPdf(deps, serviceContext(request), request.params.id, request.query.lang),
      ),
  });

  r.get('/work-orders/:id/certificates/:kind', {
    schema: {
      tags: ['Documents'],
      summary:
        'A certificate of an executed work order: leak check, heating maintenance, heating audit or energy inspection',
      params: z.strictObject({
        id: z.guid('Must be a valid id.'),
        kind: z.enum(['leak_check', 'heating_maintenance', 'heating_audit', 'energy_inspection']),
      }),
      querystring: z.strictObject({
        lang,
        installationId: z.guid().optional().describe('When the work order has several installations'),
      }),
      response: pdfResponse,
    },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await certificatePdf(
          deps,
          serviceContext(request),
          request.params.id,
          request.params.kind,
          request.query.installationId,
          request.query.lang,
        ),
      ),
  });

  r.get('/installations/:id/instruction-card', {
    schema: {
      tags: ['Documents'],
      summary: 'The instruction card of an installation, with a QR code to the customer portal',
      params: idParam,
      querystring: z.strictObject({ lang }),
      response: pdfResponse,
    },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await instructionCardPdf(deps, serviceContext(request), request.params.id, request.query.lang),
      ),
  });

  r.get('/installations/:id/logbook/export', {
    schema: {
      tags: ['Documents'],
      summary:
        'The full logbook as PDF or .xlsx with a verification digest chained to the previous export (header X-Logbook-Digest)',
      params: idParam,
      querystring: z.strictObject({ format: z.enum(['pdf', 'xlsx']).default('pdf'), lang }),
      response: pdfResponse,
    },
    handler: async (request, reply) =>
      exportLogbook(
        deps,
        serviceContext(request),
        reply,
        request.params.id,
        request.query.format,
        request.query.lang,
      ),
  });

  r.post('/work-orders/:id/send', {
    schema: {
      tags: ['Documents'],
      summary:
        'Email the work order PDF (with the BCC addresses of the settings); delivery is retried, see /sends',
      params: idParam,
      body: z.strictObject({
        to: z.array(emailAddress()).min(1, 'At least one recipient.').max(50, 'At most 50 recipients.'),
        templateId: z.guid('Must be a valid id.').optional(),
        lang,
      }),
      response: { 202: sendView },
    },
    handler: async (request, reply) =>
      reply
        .status(202)
        .send(await sendWorkOrder(deps, serviceContext(request), request.params.id, request.body)),
  });

  r.get('/work-orders/:id/sends', {
    schema: {
      tags: ['Documents'],
      summary: 'Every time the work order was emailed, with its delivery status',
      params: idParam,
      response: { 200: z.object({ items: z.array(sendView) }) },
    },
    handler: async (request) => ({
      items: await listSends(deps, serviceContext(request), request.params.id),
    }),
  });

  r.get('/logbook-verifications/:digest', {
    config: { auth: 'public' },
    schema: {
      tags: ['Documents'],
      summary:
        'Public: is a presented logbook export authentic, and unchanged since? (nothing else is revealed)',
      params: z.strictObject({ digest: z.string().max(128) }),
      response: {
        200: z.object({
          valid: z.boolean(),
          exportedAt: z.string().nullable(),
          entryCount: z.number().int().nullable(),
          unchangedSinceExport: z.boolean().nullable(),
        }),
      },
    },
    handler: async (request) => verifyLogbookDigest(deps, request.params.digest.toLowerCase()),
  });
}
