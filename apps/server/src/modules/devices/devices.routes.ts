import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { serviceContext } from '../../http/authentication.js';
import { AppError } from '../../http/errors.js';
import { idParam, line, passwordInput } from '../../http/schema-helpers.js';
import { refreshDeviceTokens, signInDevice } from './device-tokens.js';
import { listDevices, revokeDevice } from './devices.service.js';

const PUBLIC = { auth: 'public' } as const;
const INSTALLATION_ID = /^[A-Za-z0-9_-]{8,100}$/;

function checkedInstallationId(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  if (INSTALLATION_ID.test(trimmed)) return trimmed;
  const message = trimmed
    ? 'The installation ID must be 8 to 100 letters, digits, - or _.'
    : 'The installation ID the app generated once is required.';
  throw new AppError('unauthenticated', message, {
    reason: 'installation_id',
    errors: [{ field: 'installationId', message, code: trimmed ? 'invalid' : 'required' }],
  });
}
const tokenPair = z.object({
  accessToken: z.string().describe('Send as Authorization: Bearer …; valid 15 minutes'),
  refreshToken: z.string().describe('Single use: POST it to /auth/tokens/refresh for the next pair'),
  expiresIn: z.number().int().describe('Seconds the access token is valid'),
  deviceId: z.string(),
});
const deviceView = z
  .object({
    id: z.string(),
    userId: z.string(),
    installationId: z.string(),
    name: z.string(),
    appVersion: z.string(),
    os: z.string(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Device' });

export function deviceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const appVersion = (headers: Record<string, unknown>) =>
    String(headers['x-app-version'] ?? '').slice(0, 40);

  r.post('/auth/tokens', {
    config: PUBLIC,
    schema: {
      tags: ['Field app'],
      summary:
        'Token sign-in for the field app, bound to the installation ID the app generated once (no cookie)',
      body: z.strictObject({
        login: line(254, 1),
        password: passwordInput(),
        // Checked in the handler: a missing or malformed installation ID is an authentication
        // failure (401), not a form error, so the field app treats it like bad credentials.
        installationId: z.string().max(200).optional(),
        deviceName: line(100).optional(),
        code: z
          .string()
          .max(20)
          .optional()
          .describe('Authenticator code, when the user has two-step sign-in'),
        os: line(100).optional(),
      }),
      response: { 200: tokenPair },
    },
    handler: async (request) =>
      signInDevice(deps, request.meta, {
        ...request.body,
        installationId: checkedInstallationId(request.body.installationId),
        deviceName: request.body.deviceName || 'Device',
        appVersion: appVersion(request.headers),
        os: request.body.os ?? '',
      }),
  });

  r.post('/auth/tokens/refresh', {
    config: PUBLIC,
    schema: {
      tags: ['Field app'],
      summary: 'Rotate the token pair; a refresh token used twice ends that device’s sign-in',
      body: z.strictObject({ refreshToken: z.string().min(10).max(200) }),
      response: { 200: tokenPair },
    },
    handler: async (request) =>
      refreshDeviceTokens(deps, request.meta, request.body.refreshToken, {
        appVersion: appVersion(request.headers) || undefined,
      }),
  });

  r.get('/devices', {
    schema: {
      tags: ['Field app'],
      summary: 'Devices of a user (administrators: anyone; others: their own)',
      querystring: z.strictObject({ userId: z.guid().optional() }),
      response: { 200: z.object({ items: z.array(deviceView) }) },
    },
    handler: async (request) => ({
      items: await listDevices(deps, serviceContext(request), request.query.userId),
    }),
  });

  r.delete('/devices/:id', {
    schema: {
      tags: ['Field app'],
      summary: 'Revoke a device: signed out at its next request',
      params: idParam,
      response: { 200: deviceView },
    },
    handler: async (request) => revokeDevice(deps, serviceContext(request), request.params.id),
  });
}
