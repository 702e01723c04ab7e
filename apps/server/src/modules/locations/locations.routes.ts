import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam, pageOf } from '../../http/schema-helpers.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { locationInput, locationListQuery, locationPatch, locationView } from './locations.schemas.js';
import {
  createLocation,
  deleteLocation,
  exportLocations,
  getLocation,
  listLocationsPage,
  updateLocationById,
} from './locations.service.js';

const tags = ['Locations'];

export function locationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/locations', {
    schema: {
      tags,
      summary: 'List locations (by customer unless ?sort= says otherwise); ?format=xlsx exports the list',
      querystring: locationListQuery,
      response: { 200: pageOf(locationView) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'xlsx') {
        const { limit: _limit, cursor: _cursor, ...filters } = query;
        return sendXlsx(reply, {
          filename: 'locations.xlsx',
          sheetName: 'Locations',
          batches: exportLocations(deps, ctx, filters),
          columns: [
            { header: 'Customer', width: 32, value: (l) => l.customerName },
            { header: 'Name', width: 28, value: (l) => l.name },
            { header: 'Street', width: 28, value: (l) => l.street },
            { header: 'Number', width: 8, value: (l) => l.number },
            { header: 'Box', width: 6, value: (l) => l.box },
            { header: 'Postcode', width: 10, value: (l) => l.postcode },
            { header: 'City', width: 20, value: (l) => l.city },
            { header: 'Country', width: 8, value: (l) => l.country },
            { header: 'Region', width: 10, value: (l) => l.region },
            { header: 'External reference', width: 18, value: (l) => l.externalReference },
            { header: 'Labels', width: 24, value: (l) => l.labels.map((x) => x.name).join(', ') },
            { header: 'Id', width: 38, value: (l) => l.id },
          ],
        });
      }
      return listLocationsPage(deps, ctx, query);
    },
  });

  r.post('/locations', {
    schema: {
      tags,
      summary: 'Add a location (with its default building)',
      body: locationInput,
      response: { 201: locationView },
    },
    handler: async (request, reply) => {
      const created = await createLocation(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });

  r.get('/locations/:id', {
    schema: {
      tags,
      summary: 'Read a location (recorded in the audit log; ETag = its version)',
      params: idParam,
      response: { 200: locationView },
    },
    handler: async (request, reply) => {
      const location = await getLocation(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(location.version)).send(location);
    },
  });

  r.patch('/locations/:id', {
    schema: {
      tags,
      summary:
        'Change a location (not its customer); send If-Match or version to be told (409) when someone else changed it first',
      params: idParam,
      body: locationPatch,
      response: { 200: locationView },
    },
    handler: async (request, reply) => {
      const updated = await updateLocationById(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.delete('/locations/:id', {
    schema: {
      tags,
      summary: 'Delete a location without installations',
      params: idParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteLocation(deps, serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
