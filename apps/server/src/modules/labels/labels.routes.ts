import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { idParam } from '../../http/schema-helpers.js';
import { LABEL_SCOPES, labelInput, labelPatch, labelView } from './labels.schemas.js';
import { createLabel, deleteLabel, listLabels, updateLabel } from './labels.service.js';

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
    handler: async (request, reply) =>
      reply.status(201).send(await createLabel(deps, serviceContext(request), request.body)),
  });

  r.patch('/labels/:id', {
    schema: {
      tags,
      summary: 'Change a label (administrators)',
      params: idParam,
      body: labelPatch,
      response: { 200: labelView },
    },
    handler: async (request) => updateLabel(deps, serviceContext(request), request.params.id, request.body),
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
