import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { etag, expectedVersion } from '../../http/row-version.js';
import { settingsPatch, settingsView } from './settings.schemas.js';
import { getSettings, updateSettings } from './settings.service.js';

const tags = ['Settings'];

export function settingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/settings', {
    schema: {
      tags,
      summary: 'Company information, certificates, BCC addresses, note and email templates, document options',
      response: { 200: settingsView },
    },
    handler: async (request, reply) => {
      const settings = await getSettings(deps, serviceContext(request));
      return reply.header('etag', etag(settings.version)).send(settings);
    },
  });
  r.patch('/settings', {
    schema: {
      tags,
      summary:
        'Change the settings (administrators); lists given replace the stored ones. Send If-Match or version to be told (409) when someone else changed them first',
      body: settingsPatch,
      response: { 200: settingsView },
    },
    handler: async (request, reply) => {
      const updated = await updateSettings(
        deps,
        serviceContext(request),
        request.body,
        expectedVersion(request.headers['if-match'], request.body.version),
      );
      return reply.header('etag', etag(updated.version)).send(updated);
    },
  });
}
