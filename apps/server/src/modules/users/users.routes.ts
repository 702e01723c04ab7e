import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { idParam, line, pageOf } from '../../http/schema-helpers.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';
import {
  apiKeyView,
  newUserBody,
  userKeyParams,
  userListQuery,
  userPatchBody,
  userView,
} from './users.schemas.js';
import {
  createUser,
  getUser,
  inviteUser,
  listUsersPage,
  setUserActive,
  updateUser,
} from './users.service.js';

const tags = ['Users'];

export function userRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/users', {
    schema: {
      tags,
      summary: 'List users and system users (managers and administrators)',
      querystring: userListQuery,
      response: { 200: pageOf(userView) },
    },
    handler: async (request) => listUsersPage(deps, serviceContext(request), request.query),
  });

  r.post('/users', {
    schema: {
      tags,
      summary: 'Create a user (optionally invited by email) or a system user',
      body: newUserBody,
      response: { 201: userView },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createUser(deps, serviceContext(request), request.body)),
  });

  r.get('/users/:id', {
    schema: { tags, summary: 'Read a user', params: idParam, response: { 200: userView } },
    handler: async (request) => getUser(deps, serviceContext(request), request.params.id),
  });

  r.patch('/users/:id', {
    schema: {
      tags,
      summary: 'Change a user: name, email, language, roles',
      params: idParam,
      body: userPatchBody,
      response: { 200: userView },
    },
    handler: async (request) => updateUser(deps, serviceContext(request), request.params.id, request.body),
  });

  r.post('/users/:id/invitation', {
    schema: {
      tags,
      summary: 'Send or re-send the invitation email (valid 7 days; grants sign-in)',
      params: idParam,
      response: { 200: userView },
    },
    handler: async (request) => inviteUser(deps, serviceContext(request), request.params.id),
  });

  r.post('/users/:id/deactivate', {
    schema: {
      tags,
      summary: 'Deactivate a user: sessions, links and API keys stop working',
      params: idParam,
      response: { 200: userView },
    },
    handler: async (request) => setUserActive(deps, serviceContext(request), request.params.id, false),
  });

  r.post('/users/:id/reactivate', {
    schema: { tags, summary: 'Reactivate a user', params: idParam, response: { 200: userView } },
    handler: async (request) => setUserActive(deps, serviceContext(request), request.params.id, true),
  });

  r.get('/users/:id/api-keys', {
    schema: {
      tags,
      summary: "A system user's API keys",
      params: idParam,
      response: { 200: z.object({ items: z.array(apiKeyView) }) },
    },
    handler: async (request) => ({
      items: await listApiKeys(deps, serviceContext(request), request.params.id),
    }),
  });

  r.post('/users/:id/api-keys', {
    schema: {
      tags,
      summary: 'Create an API key for a system user; the key is shown in this response only',
      params: idParam,
      body: z.strictObject({ name: line(100, 1) }),
      response: {
        201: apiKeyView.extend({ key: z.string().describe('Send as Authorization: Bearer <key>') }),
      },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createApiKey(deps, serviceContext(request), request.params.id, request.body)),
  });

  r.delete('/users/:id/api-keys/:keyId', {
    schema: { tags, summary: 'Revoke an API key', params: userKeyParams, response: { 200: apiKeyView } },
    handler: async (request) =>
      revokeApiKey(deps, serviceContext(request), request.params.id, request.params.keyId),
  });
}
