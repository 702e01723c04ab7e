import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { changePassword, updateProfile } from './profile.service.js';
import { passwordChangeBody, profilePatchBody, userView } from './users.schemas.js';
import { getUser } from './users.service.js';

const tags = ['Profile'];

export function profileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/me', {
    schema: { tags, summary: 'The signed-in user', response: { 200: userView } },
    handler: async (request) => {
      const ctx = serviceContext(request);
      return getUser(deps, ctx, ctx.principal.userId);
    },
  });

  r.patch('/me', {
    schema: {
      tags,
      summary: 'Change your name or language',
      body: profilePatchBody,
      response: { 200: userView },
    },
    handler: async (request) => updateProfile(deps, serviceContext(request), request.body),
  });

  r.post('/me/password', {
    schema: {
      tags,
      summary: 'Change your password (ends your other sessions)',
      body: passwordChangeBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await changePassword(deps, serviceContext(request), request.body);
      return reply.status(204).send(null);
    },
  });
}
