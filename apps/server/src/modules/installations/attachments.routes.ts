import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { AppError } from '../../http/errors.js';
import { idParam, line } from '../../http/schema-helpers.js';
import {
  addAttachment,
  deleteAttachment,
  MAX_ATTACHMENT_BYTES,
  openAttachment,
} from './attachments.service.js';

const tags = ['Installations'];
const attachmentParams = z.strictObject({
  id: z.guid('Must be a valid id.'),
  attachmentId: z.guid('Must be a valid id.'),
});
export const attachmentView = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'Attachment' });

const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/octet-stream'];

export function attachmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The upload is the file itself as the body; its type is decided by its bytes.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post('/installations/:id/attachments', {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags,
        summary: 'Attach a photo (JPEG, PNG, WebP) or PDF, at most 10 MB, sent as the request body',
        params: idParam,
        querystring: z.strictObject({ filename: line(255).default('') }),
        response: { 201: attachmentView },
      },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('unsupported_media_type', 'Send the file as the request body.');
        return reply
          .status(201)
          .send(
            await addAttachment(
              deps,
              serviceContext(request),
              request.params.id,
              request.query.filename,
              request.body,
            ),
          );
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/installations/:id/attachments/:attachmentId', {
    schema: {
      tags,
      summary: 'Download an attachment (images may be shown inline with ?inline=true)',
      params: attachmentParams,
      querystring: z.strictObject({ inline: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.any() },
    },
    handler: async (request, reply) => {
      const asked = request.query.inline === 'true';
      const { view, stream } = await openAttachment(
        deps,
        serviceContext(request),
        request.params.id,
        request.params.attachmentId,
        { shownInline: asked },
      );
      const inline = asked && view.contentType.startsWith('image/');
      const ascii = view.filename.replace(/[^A-Za-z0-9._-]/g, '_');
      // A user's file never runs as a page of ours: sandboxed, no sniffing, a download unless an image.
      return (
        reply
          .type(view.contentType)
          .header('content-security-policy', "sandbox; default-src 'none'")
          // An attachment never changes (a new file is a new id): the browser may keep its copy.
          .header('cache-control', inline ? 'private, max-age=86400, immutable' : 'private, no-store')
          .header(
            'content-disposition',
            `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(view.filename)}`,
          )
          .send(stream)
      );
    },
  });

  r.delete('/installations/:id/attachments/:attachmentId', {
    schema: { tags, summary: 'Remove an attachment', params: attachmentParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteAttachment(deps, serviceContext(request), request.params.id, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  });
}
