import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
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
    handler: async (request) => getSettings(deps, serviceContext(request)),
  });
  r.patch('/settings', {
    schema: {
      tags,
      summary: 'Change the settings (administrators); lists given replace the stored ones',
      body: settingsPatch,
      response: { 200: settingsView },
    },
    handler: async (request) => updateSettings(deps, serviceContext(request), request.body),
  });
}
