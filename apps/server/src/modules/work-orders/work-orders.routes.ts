import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { idParam, pageOf } from '../../http/schema-helpers.js';
import { installationLogbook } from './logbook.service.js';
import {
  workOrderInput,
  workOrderListQuery,
  workOrderPatch,
  workOrderView,
  type WorkOrderView,
} from './work-orders.schemas.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import {
  createWorkOrder,
  deleteWorkOrder,
  exportWorkOrders,
  getWorkOrder,
  listWorkOrdersPage,
  updateWorkOrder,
} from './work-orders.service.js';

const tags = ['Work orders'];

export function workOrderRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/work-orders', {
    schema: {
      tags,
      summary: 'List work orders (newest first unless ?sort= says otherwise); ?format=xlsx exports the list',
      querystring: workOrderListQuery,
      response: { 200: pageOf(workOrderView) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'xlsx') {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        const kg = (w: WorkOrderView, type: string) =>
          w.activities.filter((a) => a.type === type).reduce((sum, a) => sum + (a.quantityKg ?? 0), 0) ||
          null;
        return sendXlsx(reply, {
          filename: 'work-orders.xlsx',
          sheetName: 'Work orders',
          batches: exportWorkOrders(deps, ctx, filter),
          columns: [
            { header: 'Number', width: 10, value: (w) => w.number },
            { header: 'Status', width: 14, value: (w) => w.status },
            { header: 'Planned on', width: 12, value: (w) => w.plannedOn },
            { header: 'Executed on', width: 12, value: (w) => w.executedOn },
            { header: 'Customer', width: 30, value: (w) => w.customerName },
            { header: 'Executor', width: 22, value: (w) => w.executorName },
            { header: 'Installations', width: 12, value: (w) => w.installationIds.length },
            { header: 'Activities', width: 40, value: (w) => w.activities.map((a) => a.type).join(', ') },
            { header: 'Refrigerant added (kg)', width: 14, value: (w) => kg(w, 'refrigerant_added') },
            { header: 'Refrigerant recovered (kg)', width: 14, value: (w) => kg(w, 'refrigerant_recovered') },
            { header: 'Labels', width: 24, value: (w) => w.labels.map((l) => l.name).join(', ') },
            { header: 'Notes', width: 50, value: (w) => w.notes },
          ],
        });
      }
      return listWorkOrdersPage(deps, ctx, query);
    },
  });

  r.post('/work-orders', {
    schema: {
      tags,
      summary: 'Create a work order (planned or executed) with its activities',
      body: workOrderInput,
      response: { 201: workOrderView },
    },
    handler: async (request, reply) => {
      const created = await createWorkOrder(deps, serviceContext(request), request.body);
      return reply.status(201).header('etag', etag(created.version)).send(created);
    },
  });

  r.get('/work-orders/:id', {
    schema: {
      tags,
      summary: 'Read a work order (ETag = its version)',
      params: idParam,
      response: { 200: workOrderView },
    },
    handler: async (request, reply) => {
      const workOrder = await getWorkOrder(deps, serviceContext(request), request.params.id);
      return reply.header('etag', etag(workOrder.version)).send(workOrder);
    },
  });

  r.patch('/work-orders/:id', {
    schema: {
      tags,
      summary:
        'Change a work order; send If-Match or version to be told (409) when someone else changed it first',
      params: idParam,
      body: workOrderPatch,
      response: { 200: workOrderView },
    },
    handler: async (request, reply) => {
      const updated = await updateWorkOrder(
        deps,
        serviceContext(request),
        request.params.id,
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });

  r.delete('/work-orders/:id', {
    schema: {
      tags,
      summary: 'Delete a work order that was not executed',
      params: idParam,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteWorkOrder(deps, serviceContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/installations/:id/logbook', {
    schema: {
      tags: ['Installations'],
      summary: 'The logbook of an installation: its work orders and activities in time order',
      params: idParam,
      querystring: z.strictObject({
        filter: z.enum(['all', 'executed', 'to_be_executed', 'mine']).default('all'),
        order: z.enum(['asc', 'desc']).default('desc'),
      }),
      response: { 200: z.object({ items: z.array(workOrderView) }) },
    },
    handler: async (request) =>
      installationLogbook(
        deps,
        serviceContext(request),
        request.params.id,
        request.query.filter,
        request.query.order,
      ),
  });
}
