import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam, pageOf } from '../../http/schema-helpers.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { attachmentRoutes } from './attachments.routes.js';
import { addComponent, removeComponent, updateComponent } from './components.service.js';
import {
  componentInput,
  componentView,
  installationInput,
  installationListQuery,
  installationPatch,
  installationView,
} from './installations.schemas.js';
import {
  createInstallation,
  deleteInstallation,
  exportInstallations,
  getInstallation,
  getInstallationByToken,
  listInstallationsPage,
  setArchived,
  updateInstallationById,
} from './installations.service.js';

const tags = ['Installations'];
const componentParams = z.strictObject({
  id: z.guid('Must be a valid id.'),
  componentId: z.guid('Must be a valid id.'),
});
const componentList = z.object({ items: z.array(componentView) });

export function installationRoutes(app: FastifyInstance, deps: AppDeps): void {
  attachmentRoutes(app, deps);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/installations', {
    schema: {
      tags,
      summary:
        'List installations (newest first unless ?sort= says otherwise); ?format=xlsx exports the list',
      querystring: installationListQuery,
      response: { 200: pageOf(installationView) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'xlsx') {
        const { limit: _limit, cursor: _cursor, ...filters } = query;
        return sendXlsx(reply, {
          filename: 'installations.xlsx',
          sheetName: 'Installations',
          batches: exportInstallations(deps, ctx, filters),
          columns: [
            { header: 'Customer', width: 30, value: (i) => i.customerName },
            { header: 'Reference', width: 18, value: (i) => i.reference },
            { header: 'Kind', width: 16, value: (i) => i.kind },
            { header: 'Brand', width: 16, value: (i) => i.brand },
            { header: 'Model', width: 16, value: (i) => i.model },
            { header: 'Serial number', width: 18, value: (i) => i.serialNumber },
            { header: 'Refrigerant', width: 12, value: (i) => i.refrigerant },
            { header: 'Charge (kg)', width: 12, value: (i) => i.chargeKg },
            {
              header: 't CO2e',
              width: 10,
              value: (i) => (i.co2eTonnes === null ? null : Math.round(i.co2eTonnes * 100) / 100),
            },
            { header: 'Hermetically sealed', width: 10, value: (i) => i.hermeticallySealed },
            { header: 'Leak detection', width: 10, value: (i) => i.leakDetectionSystem },
            { header: 'Cooling capacity (kW)', width: 12, value: (i) => i.coolingCapacityKw },
            { header: 'Heating fuel', width: 10, value: (i) => i.heatingFuel },
            { header: 'Heating capacity (kW)', width: 12, value: (i) => i.heatingCapacityKw },
            { header: 'Commissioned on', width: 14, value: (i) => i.commissionedOn },
            { header: 'Token', width: 26, value: (i) => i.token },
            { header: 'Archived', width: 9, value: (i) => i.archived },
            { header: 'Missing', width: 30, value: (i) => i.missing.join(', ') },
            { header: 'Labels', width: 24, value: (i) => i.labels.map((l) => l.name).join(', ') },
            { header: 'Id', width: 38, value: (i) => i.id },
          ],
        });
      }
      return listInstallationsPage(deps, ctx, query);
    },
  });

  r.post('/installations', {
    schema: {
      tags,
      summary: 'Add an installation; essential fields may stay empty and are reported',
      body: installationInput,
      response: { 201: installationView },
    },
    handler: async (request, reply) => {
      const created = await createInstallation(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });

  r.get('/installations/by-token/:token', {
    schema: {
      tags,
      summary: 'Find an installation by its token (typed or scanned from the instruction card)',
      params: z.strictObject({ token: z.string().min(4).max(40) }),
      response: { 200: installationView },
    },
    handler: async (request) => getInstallationByToken(deps, serviceContext(request), request.params.token),
  });

  r.get('/installations/:id', {
    schema: {
      tags,
      summary: 'Read an installation (recorded in the audit log; ETag = its version)',
      params: idParam,
      response: { 200: installationView },
    },
    handler: async (request, reply) => {
      const installation = await getInstallation(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(installation.version)).send(installation);
    },
  });

  r.patch('/installations/:id', {
    schema: {
      tags,
      summary:
        'Change an installation; send If-Match or version to be told (409) when someone else changed it first',
      params: idParam,
      body: installationPatch,
      response: { 200: installationView },
    },
    handler: async (request, reply) => {
      const updated = await updateInstallationById(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.delete('/installations/:id', {
    schema: {
      tags,
      summary: 'Delete an installation entered by mistake (one with a logbook is archived instead)',
      params: idParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteInstallation(deps, serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  r.post('/installations/:id/archive', {
    schema: {
      tags,
      summary: 'Archive: leaves every list and forecast, keeps its logbook',
      params: idParam,
      response: { 200: installationView },
    },
    handler: async (request) => setArchived(deps, serviceContext(request), request.params.id, true),
  });

  r.post('/installations/:id/unarchive', {
    schema: {
      tags,
      summary: 'Bring an archived installation back',
      params: idParam,
      response: { 200: installationView },
    },
    handler: async (request) => setArchived(deps, serviceContext(request), request.params.id, false),
  });

  r.post('/installations/:id/components', {
    schema: {
      tags,
      summary: 'Add a component (compressor, indoor unit, …)',
      params: idParam,
      body: componentInput,
      response: { 201: componentList },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ items: await addComponent(deps, serviceContext(request), request.params.id, request.body) }),
  });

  r.put('/installations/:id/components/:componentId', {
    schema: {
      tags,
      summary: 'Replace a component',
      params: componentParams,
      body: componentInput,
      response: { 200: componentList },
    },
    handler: async (request) => ({
      items: await updateComponent(
        deps,
        serviceContext(request),
        request.params.id,
        request.params.componentId,
        request.body,
      ),
    }),
  });

  r.delete('/installations/:id/components/:componentId', {
    schema: {
      tags,
      summary: 'Remove a component',
      params: componentParams,
      response: { 200: componentList },
    },
    handler: async (request) => ({
      items: await removeComponent(
        deps,
        serviceContext(request),
        request.params.id,
        request.params.componentId,
      ),
    }),
  });
}
