import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const API_PREFIX = '/api/v1';

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests, served at
 * /api/v1/openapi.json, browsable at /api/docs, and committed (apps/server/openapi.json; a test
 * keeps it fresh).
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Climalog API',
        version,
        description:
          'The HTTP API of Climalog. Errors are application/problem+json (RFC 9457) with an `errors` array naming ' +
          'each invalid field. Browser sessions use the session cookie plus the X-CSRF-Token header for changes; ' +
          'integrations send an API key as `Authorization: Bearer <key>`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key of a system user' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'climalog_session',
            description: 'Browser session (plus X-CSRF-Token)',
          },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true },
  });
}
