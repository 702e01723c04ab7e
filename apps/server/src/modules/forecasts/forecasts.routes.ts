import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { isoDate, listQuery, pageOf } from '../../http/schema-helpers.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { withTenant } from '../../db/tenant-scope.js';
import { audit } from '../audit/audit-recorder.js';
import { workOrderView } from '../work-orders/work-orders.schemas.js';
import {
  exportForecasts,
  FORECAST_TYPES,
  forecastSummary,
  listForecasts,
  scheduleForecast,
} from './forecasts.service.js';

const tags = ['Forecasts'];

const forecastItem = z
  .object({
    installationId: z.string().nullable(),
    buildingId: z.string().nullable().describe('Set for the energy inspection, a building obligation'),
    type: z.enum(FORECAST_TYPES),
    status: z.enum(['planned', 'overdue', 'unknown']),
    dueOn: z.string().nullable(),
    intervalMonths: z.number().int().nullable(),
    rule: z.string().nullable(),
    source: z.string().nullable(),
    baseDate: z.string().nullable(),
    baseKind: z.string().nullable(),
    missing: z.array(z.string()),
    explanation: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    locationId: z.string(),
    reference: z.string(),
    isDefaultBuilding: z.boolean(),
  })
  .meta({ id: 'ForecastItem' });

const listQuerySchema = z.strictObject({
  ...listQuery,
  view: z.enum(['future', 'all', 'unknown', 'overdue']).default('future'),
  type: z.enum(FORECAST_TYPES).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  customerId: z.guid().optional(),
  locationId: z.guid().optional(),
  lang: z.enum(['nl', 'fr', 'en', 'de']).optional().describe('Language of the explanations (default: yours)'),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export function forecastRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/forecasts', {
    schema: {
      tags,
      summary:
        'Legally required checks by due date: future, all, unknown (inputs missing) or overdue (managers and administrators)',
      querystring: listQuerySchema,
      response: { 200: pageOf(forecastItem) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'xlsx') {
        const { limit: _limit, cursor: _cursor, ...filter } = query;
        const batches = exportForecasts(deps, ctx, filter);
        await withTenant(deps.db, ctx.tenantId, (tx) =>
          audit(
            tx,
            ctx,
            {
              action: 'export.created',
              entityType: 'export',
              details: { resource: 'forecasts', view: filter.view },
            },
            deps.now(),
          ),
        );
        return sendXlsx(reply, {
          filename: `forecasts-${filter.view}.xlsx`,
          sheetName: 'Forecasts',
          batches,
          columns: [
            { header: 'Due on', width: 12, value: (f) => f.dueOn },
            { header: 'Status', width: 10, value: (f) => f.status },
            { header: 'Type', width: 20, value: (f) => f.type },
            { header: 'Customer', width: 30, value: (f) => f.customerName },
            { header: 'Installation / building', width: 24, value: (f) => f.reference },
            { header: 'Interval (months)', width: 10, value: (f) => f.intervalMonths },
            { header: 'Legal source', width: 30, value: (f) => f.source },
            { header: 'Missing', width: 30, value: (f) => f.missing.join(', ') },
            { header: 'Explanation', width: 80, value: (f) => f.explanation },
          ],
        });
      }
      return listForecasts(deps, ctx, query);
    },
  });

  r.get('/forecasts/summary', {
    schema: {
      tags,
      summary: 'Workload of the coming 12 months per month, with overdue and unknown counts',
      querystring: z.strictObject({ type: z.enum(FORECAST_TYPES).optional() }),
      response: {
        200: z.object({
          overdue: z.number().int(),
          unknown: z.number().int(),
          months: z.array(z.object({ month: z.string(), count: z.number().int() })),
        }),
      },
    },
    handler: async (request) => forecastSummary(deps, serviceContext(request), request.query),
  });

  r.post('/forecasts/schedule', {
    schema: {
      tags,
      summary: 'Plan the work a forecast asks for: creates a work order "to be executed"',
      body: z.strictObject({
        installationId: z.guid('Must be a valid id.'),
        type: z.enum(FORECAST_TYPES),
        plannedOn: isoDate(),
        executorId: z.guid('Must be a valid id.').nullable().optional(),
      }),
      response: { 201: workOrderView },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await scheduleForecast(deps, serviceContext(request), request.body)),
  });
}
