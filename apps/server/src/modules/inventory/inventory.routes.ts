import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam } from '../../http/schema-helpers.js';
import { refrigerantInput } from '../installations/installations.schemas.js';
import {
  cylinderInput,
  cylinderPatch,
  cylinderView,
  productInput,
  productPatch,
  productView,
} from './inventory.schemas.js';
import {
  createCylinder,
  createProduct,
  getCylinder,
  getProduct,
  listCylinders,
  listProducts,
  updateCylinder,
  updateProduct,
} from './inventory.service.js';

const movementView = z.object({
  id: z.string(),
  deltaKg: z.number(),
  reason: z.string(),
  workOrderId: z.string().nullable(),
  at: z.string(),
});

export function inventoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const includeArchived = z.enum(['true', 'false']).default('false');

  r.get('/products', {
    schema: {
      tags: ['Inventory'],
      summary: 'Inventory products (no prices)',
      querystring: z.strictObject({ archived: includeArchived }),
      response: { 200: z.object({ items: z.array(productView) }) },
    },
    handler: async (request) => ({
      items: await listProducts(deps, serviceContext(request), request.query.archived === 'true'),
    }),
  });
  r.post('/products', {
    schema: {
      tags: ['Inventory'],
      summary: 'Add a product (managers)',
      body: productInput,
      response: { 201: productView },
    },
    handler: async (request, reply) => {
      const created = await createProduct(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });
  r.get('/products/:id', {
    schema: {
      tags: ['Inventory'],
      summary: 'One product, archived ones too (ETag = its version)',
      params: idParam,
      response: { 200: productView },
    },
    handler: async (request, reply) => {
      const product = await getProduct(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(product.version)).send(product);
    },
  });
  r.patch('/products/:id', {
    schema: {
      tags: ['Inventory'],
      summary:
        'Change or archive a product (managers); If-Match or version guards against lost updates (409)',
      params: idParam,
      body: productPatch,
      response: { 200: productView },
    },
    handler: async (request, reply) => {
      const updated = await updateProduct(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.get('/cylinders', {
    schema: {
      tags: ['Cylinders'],
      summary: 'Refrigerant cylinders with their content',
      querystring: z.strictObject({
        refrigerant: refrigerantInput.optional(),
        kind: z.enum(['supply', 'recovery']).optional(),
        archived: includeArchived,
      }),
      response: { 200: z.object({ items: z.array(cylinderView) }) },
    },
    handler: async (request) => ({
      items: await listCylinders(deps, serviceContext(request), {
        ...request.query,
        includeArchived: request.query.archived === 'true',
      }),
    }),
  });
  r.post('/cylinders', {
    schema: {
      tags: ['Cylinders'],
      summary: 'Add a cylinder (managers)',
      body: cylinderInput,
      response: { 201: cylinderView },
    },
    handler: async (request, reply) => {
      const created = await createCylinder(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });
  r.get('/cylinders/:id', {
    schema: {
      tags: ['Cylinders'],
      summary: 'A cylinder and its latest movements (ETag = its version)',
      params: idParam,
      response: { 200: cylinderView.extend({ movements: z.array(movementView) }) },
    },
    handler: async (request, reply) => {
      const cylinder = await getCylinder(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(cylinder.version)).send(cylinder);
    },
  });
  r.patch('/cylinders/:id', {
    schema: {
      tags: ['Cylinders'],
      summary:
        'Correct or archive a cylinder (managers); If-Match or version guards against lost updates (409)',
      params: idParam,
      body: cylinderPatch,
      response: { 200: cylinderView },
    },
    handler: async (request, reply) => {
      const updated = await updateCylinder(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });
}
