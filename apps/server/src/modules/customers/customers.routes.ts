import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam, pageOf } from '../../http/schema-helpers.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { mergeCustomers } from './customers-merge.service.js';
import {
  customerInput,
  customerListQuery,
  customerPatch,
  customerView,
  mergeBody,
} from './customers.schemas.js';
import {
  createCustomer,
  deleteCustomer,
  exportCustomers,
  getCustomer,
  listCustomersPage,
  updateCustomer,
} from './customers.service.js';

const tags = ['Customers'];

export function customerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/customers', {
    schema: {
      tags,
      summary: 'List customers (alphabetical unless ?sort= says otherwise); ?format=xlsx exports the list',
      querystring: customerListQuery,
      response: { 200: pageOf(customerView) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'xlsx') {
        return sendXlsx(reply, {
          filename: 'customers.xlsx',
          sheetName: 'Customers',
          batches: exportCustomers(deps, ctx, query),
          columns: [
            { header: 'Name', width: 40, value: (c) => c.name },
            { header: 'Internal name', width: 24, value: (c) => c.internalName },
            { header: 'Customer number', width: 16, value: (c) => c.customerNumber },
            { header: 'Language', width: 10, value: (c) => c.language },
            { header: 'Enterprise number', width: 18, value: (c) => c.enterpriseNumber },
            { header: 'VAT number', width: 18, value: (c) => c.vatNumber },
            { header: 'Email', width: 28, value: (c) => c.email },
            { header: 'Phone', width: 18, value: (c) => c.phone },
            { header: 'Mobile', width: 18, value: (c) => c.mobile },
            { header: 'Labels', width: 24, value: (c) => c.labels.map((l) => l.name).join(', ') },
            { header: 'Created', width: 22, value: (c) => new Date(c.createdAt) },
            { header: 'Id', width: 38, value: (c) => c.id },
          ],
        });
      }
      return listCustomersPage(deps, ctx, query);
    },
  });

  r.post('/customers', {
    schema: { tags, summary: 'Add a customer', body: customerInput, response: { 201: customerView } },
    handler: async (request, reply) => {
      const created = await createCustomer(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });

  r.get('/customers/:id', {
    schema: {
      tags,
      summary: 'Read a customer (recorded in the audit log; ETag = its version)',
      params: idParam,
      response: { 200: customerView },
    },
    handler: async (request, reply) => {
      const customer = await getCustomer(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(customer.version)).send(customer);
    },
  });

  r.patch('/customers/:id', {
    schema: {
      tags,
      summary:
        'Change a customer; send If-Match or version to be told (409) when someone else changed it first',
      params: idParam,
      body: customerPatch,
      response: { 200: customerView },
    },
    handler: async (request, reply) => {
      const updated = await updateCustomer(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.post('/customers/:id/merge', {
    schema: {
      tags,
      summary:
        'Merge a duplicate into this customer: its locations, installations, work orders and labels move over',
      params: idParam,
      body: mergeBody,
      response: { 200: customerView },
    },
    handler: async (request) =>
      mergeCustomers(deps, serviceContext(request), request.params.id, request.body.duplicateId),
  });

  r.delete('/customers/:id', {
    schema: {
      tags,
      summary: 'Delete a customer (for duplicates)',
      params: idParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteCustomer(deps, serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
