import { gwpOn, refrigerants } from '@climalog/compliance';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { isoDate } from '../../http/schema-helpers.js';

const refrigerantView = z
  .object({
    name: z.string().describe('Catalogue name, e.g. "R-410A"'),
    aliases: z.array(z.string()),
    class: z.string(),
    fgasAnnex: z
      .enum(['annex_i', 'annex_ii_s1'])
      .nullable()
      .describe('F-gas regulation annex; null = not a fluorinated gas'),
    composition: z.array(z.object({ component: z.string(), massPercent: z.number() })).nullable(),
    gwp: z.number().nullable().describe('GWP in force on the requested date (default today)'),
    gwpVersions: z.array(
      z.object({
        version: z.enum(['eu2014', 'eu2024']),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        value: z.number(),
        rounded: z.number(),
        confidence: z.enum(['V', 'S', 'C', 'U']),
        toConfirm: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Refrigerant' });

/** The read-only refrigerant catalogue of the compliance engine (GWP per regulation version). */
export function refrigerantRoutes(app: FastifyInstance, _deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/refrigerants', {
    schema: {
      tags: ['Refrigerants'],
      summary: 'Refrigerant catalogue with GWP values per F-gas regulation and blend compositions',
      querystring: z.strictObject({
        on: isoDate().optional().describe('Date for the `gwp` column (default today)'),
      }),
      response: { 200: z.object({ items: z.array(refrigerantView) }) },
    },
    handler: async (request) => {
      const onDate = request.query.on ?? new Date().toISOString().slice(0, 10);
      return {
        items: refrigerants.map((r) => ({
          name: r.id,
          aliases: [...r.aliases],
          class: r.class,
          fgasAnnex: r.fgas,
          composition: r.composition ? r.composition.map((c) => ({ ...c })) : null,
          gwp: gwpOn(r, onDate),
          gwpVersions: r.gwp.map((g) => ({ ...g })),
        })),
      };
    },
  });
}
