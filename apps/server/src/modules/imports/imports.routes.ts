import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { AppError } from '../../http/errors.js';
import { idParam, line } from '../../http/schema-helpers.js';
import { IMPORT_KINDS } from './import-columns.js';
import { createImport, getImport, mappingInput, startImport, updateMapping } from './imports.service.js';

const tags = ['Imports'];
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const FILE_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const importView = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    status: z.enum(['preview', 'queued', 'running', 'finished', 'failed']),
    filename: z.string(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.number().int()).describe('field → column index'),
    fields: z.array(z.string()).describe('Fields this import understands'),
    total: z.number().int(),
    validRows: z.number().int(),
    invalidRows: z.number().int(),
    sample: z.array(
      z.object({
        row: z.number().int(),
        values: z.record(z.string(), z.unknown()),
        errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })),
      }),
    ),
    rowErrors: z.array(
      z.object({
        row: z.number().int(),
        field: z.string(),
        message: z.string(),
        code: z.string().optional(),
      }),
    ),
    progress: z.object({
      processed: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      failed: z.number().int(),
      percent: z.number().int(),
    }),
    failure: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });

export function importRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The upload is the file itself as the body (.xlsx or .csv); its type is checked by content.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post('/imports', {
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary:
          'Upload an .xlsx or .csv file (as the request body) for a preview with the suggested column mapping',
        querystring: z.strictObject({ kind: z.enum(IMPORT_KINDS), filename: line(255).default('') }),
        response: { 201: importView },
      },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError(
            'unsupported_media_type',
            'Send the file as the body with Content-Type text/csv or the .xlsx type.',
          );
        }
        return reply
          .status(201)
          .send(
            await createImport(
              deps,
              serviceContext(request),
              request.query.kind,
              request.query.filename,
              request.body,
            ),
          );
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/imports/:id', {
    schema: {
      tags,
      summary: 'Preview, per-row problems and progress of an import',
      params: idParam,
      response: { 200: importView },
    },
    handler: async (request) => getImport(deps, serviceContext(request), request.params.id),
  });
  r.patch('/imports/:id', {
    schema: {
      tags,
      summary: 'Change the column mapping before starting',
      params: idParam,
      body: z.strictObject({ mapping: mappingInput }),
      response: { 200: importView },
    },
    handler: async (request) =>
      updateMapping(deps, serviceContext(request), request.params.id, request.body.mapping),
  });
  r.post('/imports/:id/start', {
    schema: {
      tags,
      summary: 'Import the rows in the background; follow the progress with GET',
      params: idParam,
      response: { 202: importView },
    },
    handler: async (request, reply) =>
      reply.status(202).send(await startImport(deps, serviceContext(request), request.params.id)),
  });
}
