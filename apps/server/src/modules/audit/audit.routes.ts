import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { listQuery, pageOf } from '../../http/schema-helpers.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { AUDIT_ACTIONS } from './audit.catalogue.js';
import { exportAuditEvents, listAuditPage, verifyAuditChain } from './audit.service.js';

const tags = ['Audit log'];

const auditEventView = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    occurredAt: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string() }),
    action: z.string(),
    entity: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const timestamp = z.iso
  .datetime({ offset: true, message: 'Must be an ISO 8601 date-time.' })
  .or(z.iso.date({ message: 'Must be a date (YYYY-MM-DD) or date-time.' }));

const auditQuery = z.strictObject({
  ...listQuery,
  actorId: z.guid('Must be a valid id.').optional(),
  entityId: z.guid('Must be a valid id.').optional(),
  action: z
    .string()
    .max(60)
    .refine(
      (a) => (AUDIT_ACTIONS as readonly string[]).includes(a) || /^[a-z_]+\.\*$/.test(a),
      'Unknown action.',
    )
    .optional()
    .describe('An action such as customer.viewed, or a whole entity such as customer.*'),
  from: timestamp.optional().describe('From this moment (inclusive)'),
  to: timestamp.optional().describe('Until this moment (exclusive)'),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export function auditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/audit-events', {
    schema: {
      tags,
      summary: 'The audit log, newest first (administrators); ?format=xlsx exports it',
      querystring: auditQuery,
      response: { 200: pageOf(auditEventView) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, from, to, ...rest } = request.query;
      const query = { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
      if (format === 'xlsx') {
        return sendXlsx(reply, {
          filename: 'audit-log.xlsx',
          sheetName: 'Audit log',
          batches: exportAuditEvents(deps, ctx, query),
          columns: [
            { header: '#', width: 8, value: (e) => e.seq },
            { header: 'When', width: 22, value: (e) => e.occurred_at },
            { header: 'Action', width: 28, value: (e) => e.action },
            { header: 'Actor type', width: 14, value: (e) => e.actor_type },
            { header: 'Actor', width: 28, value: (e) => e.actor_name },
            { header: 'Actor id', width: 38, value: (e) => e.actor_id },
            { header: 'Entity type', width: 14, value: (e) => e.entity_type },
            { header: 'Entity id', width: 38, value: (e) => e.entity_id },
            { header: 'IP', width: 16, value: (e) => e.ip },
            { header: 'User agent', width: 40, value: (e) => e.user_agent },
            { header: 'Details', width: 40, value: (e) => JSON.stringify(e.details) },
            { header: 'Hash', width: 66, value: (e) => e.hash },
          ],
        });
      }
      return listAuditPage(deps, ctx, query);
    },
  });

  r.get('/audit-events/actions', {
    schema: {
      tags,
      summary: 'The closed catalogue of audit actions (<entity>.<verb>), for filters',
      response: { 200: z.object({ items: z.array(z.enum(AUDIT_ACTIONS)) }) },
    },
    handler: async (request) => {
      serviceContext(request);
      return { items: [...AUDIT_ACTIONS] };
    },
  });

  r.get('/audit-events/verify', {
    schema: {
      tags,
      summary: 'Recompute the hash chain: is the audit log intact?',
      response: {
        200: z.object({
          intact: z.boolean(),
          checkedEvents: z.number().int(),
          lastSeq: z.number().int(),
          brokenAtSeq: z.number().int().nullable(),
          problem: z.string().nullable(),
        }),
      },
    },
    handler: async (request) => verifyAuditChain(deps, serviceContext(request)),
  });
}
