import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { passwordInput } from '../../http/schema-helpers.js';
import { requireSession, respondWithSession } from './auth.routes.js';
import { sessionView } from './auth.schemas.js';
import type { SessionRecord } from './session-store.js';
import { rotateToActive } from './sign-in.service.js';
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
} from './two-factor.service.js';

const tags = ['Two-step sign-in'];
const SESSION = { auth: 'session' } as const;

/** Enrolment is open to active sessions and to sessions the account sends to enrolment. */
function enrolmentSession(session: SessionRecord): SessionRecord {
  if (session.stage === 'second_factor') throw new AppError('unauthenticated', 'Finish signing in first.');
  return session;
}

export function twoFactorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/me/two-factor/setup', {
    config: SESSION,
    schema: {
      tags,
      summary: 'Start enrolling an authenticator app: a new secret and its QR code',
      response: { 200: z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeSvg: z.string() }) },
    },
    handler: async (request) => startTwoFactorSetup(deps, enrolmentSession(requireSession(request))),
  });

  r.post('/me/two-factor/enable', {
    config: SESSION,
    schema: {
      tags,
      summary: 'Confirm with the password and a first code; returns the one-time recovery codes',
      body: z.strictObject({ password: passwordInput(), code: z.string().max(20) }),
      response: { 200: z.object({ recoveryCodes: z.array(z.string()), session: sessionView.nullable() }) },
    },
    handler: async (request, reply) => {
      const session = enrolmentSession(requireSession(request));
      const { recoveryCodes } = await enableTwoFactor(deps, request.meta, session, request.body);
      // A sign-in that was held for enrolment becomes a full session now, under a new id.
      const next =
        session.stage === 'enrol_second_factor'
          ? await respondWithSession(
              deps,
              reply,
              await rotateToActive(deps, request.meta, session, { enrolled: true }),
            )
          : null;
      return { recoveryCodes, session: next };
    },
  });

  r.post('/me/two-factor/disable', {
    config: SESSION,
    schema: {
      tags,
      summary: 'Turn two-step sign-in off (password and a current code)',
      body: z.strictObject({
        password: passwordInput(),
        code: z.string().max(20).optional(),
        recoveryCode: z.string().max(40).optional(),
      }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await disableTwoFactor(deps, request.meta, enrolmentSession(requireSession(request)), request.body);
      return reply.status(204).send(null);
    },
  });

  r.post('/me/two-factor/recovery-codes', {
    config: SESSION,
    schema: {
      tags,
      summary: 'Replace the recovery codes (password required)',
      body: z.strictObject({ password: passwordInput() }),
      response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
    },
    handler: async (request) =>
      regenerateRecoveryCodes(deps, request.meta, enrolmentSession(requireSession(request)), request.body),
  });
}
