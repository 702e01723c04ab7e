import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, Language } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { AppError } from '../../http/errors.js';
import { idParam } from '../../http/schema-helpers.js';
import { recordAudit } from '../audit/audit-recorder.js';
import { withTenant } from '../../db/tenant-scope.js';
import { sendPdf } from '../documents/documents.routes.js';
import { disablePortal, issuePortalCode, portalStatus } from './portal-codes.service.js';
import {
  clearPortalCookie,
  closePortalSession,
  openPortalSession,
  portalActor,
  resolvePortalSession,
  setPortalCookie,
  type PortalScope,
} from './portal-session.js';
import {
  portalConsultationsView,
  portalInstallationsView,
  portalLogbookView,
  portalSessionView,
} from './portal.schemas.js';
import {
  portalCertificatePdf,
  portalLogbookExport,
  portalCompany,
  portalConsultations,
  portalInstallations,
  portalLogbook,
  portalWorkOrderPdf,
} from './portal.service.js';

const PUBLIC = { auth: 'public' } as const;
const lang = z.enum(['nl', 'fr', 'en', 'de']).optional();
const codeView = z.object({
  code: z.string().describe('Shown once'),
  link: z.string(),
  requireInstallationToken: z.boolean(),
});
const statusView = z.object({
  enabled: z.boolean(),
  scope: z.enum(['customer', 'location']),
  requireInstallationToken: z.boolean(),
  updatedAt: z.string().nullable(),
});

async function requirePortal(deps: AppDeps, request: FastifyRequest): Promise<PortalScope> {
  const scope = await resolvePortalSession(deps, request);
  if (!scope)
    throw new AppError('unauthenticated', 'Enter your portal code to continue.', {
      reason: 'portal_session',
    });
  return scope;
}

const describeSession = async (deps: AppDeps, s: PortalScope) => ({
  scope: s.scope,
  customerName: s.customerName,
  singleInstallation: s.installationId !== null,
  language: s.language,
  company: await portalCompany(deps, s),
});

export function portalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The service company's side: enable, regenerate and disable portal access.
  for (const scope of ['customer', 'location'] as const) {
    const base = scope === 'customer' ? '/customers/:id' : '/locations/:id';
    const target = (id: string) =>
      scope === 'customer' ? { scope, customerId: id } : { scope, locationId: id };
    r.post(`${base}/portal-code`, {
      schema: {
        tags: ['Portal access'],
        summary: `Enable the portal for this ${scope} or regenerate its code (returned once; old portal sessions end)`,
        params: idParam,
        body:
          scope === 'location'
            ? z.strictObject({ requireInstallationToken: z.boolean().optional() }).optional()
            : z.strictObject({}).optional(),
        response: { 201: codeView },
      },
      handler: async (request, reply) => {
        const body = (request.body ?? {}) as { requireInstallationToken?: boolean };
        return reply
          .status(201)
          .send(await issuePortalCode(deps, serviceContext(request), target(request.params.id), body));
      },
    });
    r.get(`${base}/portal`, {
      schema: {
        tags: ['Portal access'],
        summary: `Whether the portal is enabled for this ${scope}`,
        params: idParam,
        response: { 200: statusView },
      },
      handler: async (request) => portalStatus(deps, serviceContext(request), target(request.params.id)),
    });
    r.delete(`${base}/portal-code`, {
      schema: {
        tags: ['Portal access'],
        summary: `Disable the portal for this ${scope}; its sessions end`,
        params: idParam,
        response: { 204: z.null() },
      },
      handler: async (request, reply) => {
        await disablePortal(deps, serviceContext(request), target(request.params.id));
        return reply.status(204).send(null);
      },
    });
  }

  // The end customer's side: its own cookie, read-only, scoped to what the code grants.
  r.post('/portal/session', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary:
        'Sign in to the customer portal with the authorization code (and installation token where required)',
      body: z.strictObject({ code: z.string().max(64), token: z.string().max(64).optional() }),
      response: { 200: portalSessionView },
    },
    handler: async (request, reply) => {
      const opened = await openPortalSession(deps, request.meta, request.body);
      setPortalCookie(reply, deps, opened.token, opened.expiresAt);
      return describeSession(deps, opened.scope);
    },
  });

  r.get('/portal/session', {
    config: PUBLIC,
    schema: { tags: ['Portal'], summary: 'The current portal session', response: { 200: portalSessionView } },
    handler: async (request) => describeSession(deps, await requirePortal(deps, request)),
  });

  r.post('/portal/logout', {
    config: PUBLIC,
    schema: { tags: ['Portal'], summary: 'Leave the portal', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const scope = await resolvePortalSession(deps, request);
      if (scope) {
        await closePortalSession(deps, scope);
        await withTenant(deps.db, scope.tenantId, (tx) =>
          recordAudit(tx, scope.tenantId, portalActor(scope), request.meta, {
            action: 'portal.signed_out',
            entityType: scope.scope,
            entityId: scope.locationId ?? scope.customerId,
          }),
        );
      }
      clearPortalCookie(reply, deps);
      return reply.status(204).send(null);
    },
  });

  r.get('/portal/installations', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary: 'The installations this portal session may see, with their forecasts',
      querystring: z.strictObject({ lang }),
      response: { 200: portalInstallationsView },
    },
    handler: async (request) => {
      const scope = await requirePortal(deps, request);
      return portalInstallations(
        deps,
        scope,
        request.meta,
        (request.query.lang ?? scope.language) as Language,
      );
    },
  });

  r.get('/portal/installations/:id/logbook', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary: 'The executed work on one installation',
      params: idParam,
      response: { 200: portalLogbookView },
    },
    handler: async (request) =>
      portalLogbook(deps, await requirePortal(deps, request), request.meta, request.params.id),
  });

  r.get('/portal/work-orders/:id/document', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary: 'Download an executed work order as PDF',
      params: idParam,
      querystring: z.strictObject({ lang }),
      response: { 200: z.any() },
    },
    handler: async (request, reply) => {
      const scope = await requirePortal(deps, request);
      const file = await portalWorkOrderPdf(
        deps,
        scope,
        request.meta,
        request.params.id,
        (request.query.lang ?? scope.language) as Language,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.pdf);
    },
  });

  r.get('/portal/work-orders/:id/certificates/:kind', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary:
        'Download a certificate of executed work (leak check, heating maintenance or audit, energy inspection)',
      params: z.strictObject({
        id: z.guid('Must be a valid id.'),
        kind: z.enum(['leak_check', 'heating_maintenance', 'heating_audit', 'energy_inspection']),
      }),
      querystring: z.strictObject({
        lang,
        installationId: z
          .guid('Must be a valid id.')
          .optional()
          .describe('When the work order has several installations'),
      }),
      response: { 200: z.any().describe('application/pdf') },
    },
    handler: async (request, reply) => {
      const scope = await requirePortal(deps, request);
      const file = await portalCertificatePdf(
        deps,
        scope,
        request.meta,
        request.params.id,
        request.params.kind,
        request.query.installationId,
        (request.query.lang ?? scope.language) as Language,
      );
      return sendPdf(reply, file);
    },
  });

  r.get('/portal/installations/:id/logbook/export', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary:
        'Download the full logbook as PDF or .xlsx with its verification digest (header X-Logbook-Digest)',
      params: idParam,
      querystring: z.strictObject({ format: z.enum(['pdf', 'xlsx']).default('pdf'), lang }),
      response: { 200: z.any().describe('application/pdf or .xlsx') },
    },
    handler: async (request, reply) => {
      const scope = await requirePortal(deps, request);
      return portalLogbookExport(
        deps,
        scope,
        request.meta,
        reply,
        request.params.id,
        request.query.format,
        (request.query.lang ?? scope.language) as Language,
      );
    },
  });

  r.get('/portal/consultations', {
    config: PUBLIC,
    schema: {
      tags: ['Portal'],
      summary: 'Who at the service company viewed or exported this data, and when',
      response: { 200: portalConsultationsView },
    },
    handler: async (request) => portalConsultations(deps, await requirePortal(deps, request), request.meta),
  });
}
