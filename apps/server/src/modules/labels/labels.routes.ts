import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam } from '../../http/schema-helpers.js';
import { LABEL_SCOPES, labelInput, labelPatch, labelView } from './labels.schemas.js';
import { createLabel, deleteLabel, getLabel, listLabels, updateLabel } from './labels.service.js';

const tags = ['Labels'];

export function labelRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/labels', {
    schema: {
      tags,
      summary: 'Label definitions, optionally of one scope',
      querystring: z.strictObject({ scope: z.enum(LABEL_SCOPES).optional() }),
      response: { 200: z.object({ items: z.array(labelView) }) },
    },
    handler: async (request) => ({
      items: await listLabels(deps, serviceContext(request), request.query.scope),
    }),
  });

  r.post('/labels', {
    schema: {
      tags,
      summary: 'Define a label (administrators)',
      body: labelInput,
      response: { 201: labelView },
    },
    handler: async (request, reply) => {
      const created = await createLabel(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });

  r.get('/labels/:id', {
    schema: {
      tags,
      summary: 'One label definition (ETag = its version)',
      params: idParam,
      response: { 200: labelView },
    },
    handler: async (request, reply) => {
      const label = await getLabel(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(label.version)).send(label);
    },
  });

  r.patch('/labels/:id', {
    schema: {
      tags,
      summary: 'Change a label (administrators); If-Match or version guards against lost updates (409)',
      params: idParam,
      body: labelPatch,
      response: { 200: labelView },
    },
    handler: async (request, reply) => {
      const updated = await updateLabel(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.delete('/labels/:id', {
    schema: {
      tags,
      summary: 'Delete a label; it comes off every record (administrators)',
      params: idParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteLabel(deps, serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
