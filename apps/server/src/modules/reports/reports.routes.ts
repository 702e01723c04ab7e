import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { listQuery, pageOf } from '../../http/schema-helpers.js';
import { sendXlsx } from '../../http/xlsx-export.js';
import { withTenant } from '../../db/tenant-scope.js';
import { audit } from '../audit/audit-recorder.js';
import {
  exportIncompleteInstallations,
  incompleteInstallations,
  refrigerantBalance,
} from './reports.service.js';

const tags = ['Reports'];

const incompleteItem = z
  .object({
    installationId: z.string(),
    reference: z.string(),
    kind: z.string().nullable(),
    customerId: z.string(),
    customerName: z.string(),
    locationId: z.string(),
    token: z.string(),
    missing: z.array(z.string()),
  })
  .meta({ id: 'IncompleteInstallation' });

const balanceView = z
  .object({
    year: z.number().int(),
    lines: z.array(
      z.object({
        refrigerant: z.string(),
        addedKg: z.number(),
        recoveredKg: z.number(),
        addedCo2eTonnes: z.number().nullable(),
        recoveredCo2eTonnes: z.number().nullable(),
        months: z.array(z.object({ month: z.number().int(), addedKg: z.number(), recoveredKg: z.number() })),
      }),
    ),
  })
  .meta({ id: 'RefrigerantBalance' });

export function reportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/reports/incomplete-installations', {
    schema: {
      tags,
      summary: 'Installations with essential data missing, and which fields (managers and administrators)',
      querystring: z.strictObject({
        ...listQuery,
        customerId: z.guid().optional(),
        locationId: z.guid().optional(),
        format: z.enum(['json', 'xlsx']).default('json'),
      }),
      response: { 200: pageOf(incompleteItem) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const { format, ...query } = request.query;
      if (format === 'xlsx') {
        return sendXlsx(reply, {
          filename: 'incomplete-installations.xlsx',
          sheetName: 'Incomplete',
          batches: exportIncompleteInstallations(deps, ctx, {
            customerId: query.customerId,
            locationId: query.locationId,
          }),
          columns: [
            { header: 'Customer', width: 30, value: (i) => i.customerName },
            { header: 'Reference', width: 20, value: (i) => i.reference },
            { header: 'Kind', width: 16, value: (i) => i.kind },
            { header: 'Token', width: 26, value: (i) => i.token },
            { header: 'Missing', width: 60, value: (i) => i.missing.join(', ') },
          ],
        });
      }
      return incompleteInstallations(deps, ctx, query);
    },
  });

  r.get('/reports/refrigerant-balance', {
    schema: {
      tags,
      summary:
        'Refrigerant added and recovered per refrigerant in a year, in kg and t CO2e, with months for a chart',
      querystring: z.strictObject({
        year: z.coerce.number().int().min(2000).max(2100),
        format: z.enum(['json', 'xlsx']).default('json'),
      }),
      response: { 200: balanceView },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(request);
      const balance = await refrigerantBalance(deps, ctx, request.query.year);
      if (request.query.format === 'xlsx') {
        await withTenant(deps.db, ctx.tenantId, (tx) =>
          audit(
            tx,
            ctx,
            {
              action: 'export.created',
              entityType: 'export',
              details: { resource: 'refrigerant_balance', year: balance.year },
            },
            deps.now(),
          ),
        );
        const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
        return sendXlsx(reply, {
          filename: `refrigerant-balance-${balance.year}.xlsx`,
          sheetName: String(balance.year),
          batches: (async function* () {
            yield balance.lines;
          })(),
          columns: [
            { header: 'Refrigerant', width: 14, value: (l) => l.refrigerant },
            { header: 'Added (kg)', width: 12, value: (l) => l.addedKg },
            { header: 'Added (t CO2e)', width: 14, value: (l) => round(l.addedCo2eTonnes) },
            { header: 'Recovered (kg)', width: 14, value: (l) => l.recoveredKg },
            { header: 'Recovered (t CO2e)', width: 16, value: (l) => round(l.recoveredCo2eTonnes) },
          ],
        });
      }
      return balance;
    },
  });
}
