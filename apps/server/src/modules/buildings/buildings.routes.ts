import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam } from '../../http/schema-helpers.js';
import { buildingInput, buildingListQuery, buildingPatch, buildingView } from './buildings.schemas.js';
import {
  createBuilding,
  deleteBuilding,
  getBuilding,
  listBuildings,
  updateBuilding,
} from './buildings.service.js';

const tags = ['Buildings'];

export function buildingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/buildings', {
    schema: {
      tags,
      summary: 'Buildings of a location or customer',
      querystring: buildingListQuery,
      response: { 200: z.object({ items: z.array(buildingView) }) },
    },
    handler: async (request) => ({
      items: await listBuildings(deps, serviceContext(request), request.query),
    }),
  });

  r.post('/buildings', {
    schema: {
      tags,
      summary: 'Add a building to a location',
      body: buildingInput,
      response: { 201: buildingView },
    },
    handler: async (request, reply) => {
      const created = await createBuilding(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });

  r.get('/buildings/:id', {
    schema: {
      tags,
      summary: 'Read a building (ETag = its version)',
      params: idParam,
      response: { 200: buildingView },
    },
    handler: async (request, reply) => {
      const building = await getBuilding(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(building.version)).send(building);
    },
  });

  r.patch('/buildings/:id', {
    schema: {
      tags,
      summary:
        'Change a building; send If-Match or version to be told (409) when someone else changed it first',
      params: idParam,
      body: buildingPatch,
      response: { 200: buildingView },
    },
    handler: async (request, reply) => {
      const updated = await updateBuilding(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.delete('/buildings/:id', {
    schema: {
      tags,
      summary: 'Delete an empty building (not the default one)',
      params: idParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteBuilding(deps, serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
