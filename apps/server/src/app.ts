import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './context.js';
import { registerAuthentication } from './http/authentication.js';
import { registerHealthRoutes } from './http/health.routes.js';
import { registerIdempotency } from './http/idempotency.js';
import { API_PREFIX, registerOpenApi } from './http/openapi.js';
import { handleError, handleFrameworkError, sendNotFound } from './http/problem-details.js';
import { applySecurityHeaders, registerSecurityHeaders } from './http/security-headers.js';
import { registerVerifyPage } from './http/verify-page.js';
import { registerWebApp, webPageFor } from './http/web-app.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { twoFactorRoutes } from './modules/auth/two-factor.routes.js';
import { buildingRoutes } from './modules/buildings/buildings.routes.js';
import { customerRoutes } from './modules/customers/customers.routes.js';
import { installationRoutes } from './modules/installations/installations.routes.js';
import { inventoryRoutes } from './modules/inventory/inventory.routes.js';
import { labelRoutes } from './modules/labels/labels.routes.js';
import { deviceRoutes } from './modules/devices/devices.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { forecastRoutes } from './modules/forecasts/forecasts.routes.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { workOrderRoutes } from './modules/work-orders/work-orders.routes.js';
import { refrigerantRoutes } from './modules/refrigerants/refrigerants.routes.js';
import { locationRoutes } from './modules/locations/locations.routes.js';
import { profileRoutes } from './modules/users/profile.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { APP_VERSION } from './version.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Every API module, mounted under /api/v1. */
const API_MODULES = [
  authRoutes,
  twoFactorRoutes,
  profileRoutes,
  accountRoutes,
  userRoutes,
  auditRoutes,
  labelRoutes,
  customerRoutes,
  locationRoutes,
  buildingRoutes,
  installationRoutes,
  refrigerantRoutes,
  inventoryRoutes,
  workOrderRoutes,
  settingsRoutes,
  reportRoutes,
  forecastRoutes,
  importRoutes,
  documentRoutes,
  portalRoutes,
  deviceRoutes,
];

/** Builds the HTTP application around its dependencies; used by the server and by the tests. */
export async function buildApp(
  deps: AppDeps,
  options: { webDistDir?: string | undefined } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // Our own ids only: a client-chosen id would let anyone forge log correlation.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    // Broken percent-encoding or an overlong path segment: answered before any hook runs.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply, deps.config);
      return handleFrameworkError(error, request, reply);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is a classic cross-site form trick.
  app.removeContentTypeParser('text/plain');
  // A DELETE carries no body, but many clients send Content-Type: application/json on every request:
  // an empty body there is no body, not broken JSON. Everything else keeps the strict default parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && request.method === 'DELETE') return done(null, undefined);
    return parseJson(request, body as string, done);
  });
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await registerOpenApi(app, APP_VERSION);
  registerSecurityHeaders(app, deps.config);
  registerAuthentication(app, deps);
  registerIdempotency(app, deps);
  registerHealthRoutes(app, deps);
  registerVerifyPage(app, deps);

  await app.register(
    async (api) => {
      for (const register of API_MODULES) register(api, deps);
    },
    { prefix: API_PREFIX },
  );
  app.get('/api/v1/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () =>
    app.swagger(),
  );

  const hasWebApp = await registerWebApp(app, options.webDistDir ?? deps.config.webDistDir);
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));

  app.setNotFoundHandler(async (request, reply) => {
    // Deep links into a single-page app (Service app, portal, field app) load its page.
    const page = hasWebApp && request.method === 'GET' ? webPageFor(request.url) : null;
    if (page) return reply.header('cache-control', 'no-cache').sendFile(page);
    return sendNotFound(request, reply);
  });
  return app;
}
