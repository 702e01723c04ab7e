import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.js';
import { RATE_RULES } from '../../security/rate-limiter.js';
import { createAccount } from '../accounts/accounts.service.js';
import {
  emailBody,
  linkDetailsView,
  loginBody,
  publicConfigView,
  secondFactorBody,
  sessionView,
  setPasswordBody,
  signupBody,
  tokenBody,
} from './auth.schemas.js';
import { checkEmailLink, requestPasswordReset, setPasswordFromLink } from './email-links.service.js';
import { describeSession } from './session-view.js';
import { findSessionByToken, type NewSession, type SessionRecord } from './session-store.js';
import { completeSecondFactor, signIn, signOut } from './sign-in.service.js';

const tags = ['Sign-in'];
const PUBLIC = { auth: 'public' } as const;
const SESSION = { auth: 'session' } as const;

export function requireSession(request: FastifyRequest): SessionRecord {
  if (!request.session) throw new AppError('unauthenticated', 'This needs a signed-in browser session.');
  return request.session;
}

/** Sets the cookie of a freshly issued session and answers with its description. */
export async function respondWithSession(deps: AppDeps, reply: FastifyReply, issued: NewSession) {
  setSessionCookie(reply, deps.config, issued.token, issued.expiresAt);
  const record = await findSessionByToken(deps.db, issued.token);
  if (!record) throw new AppError('unauthenticated', 'The session could not be opened.');
  return describeSession(deps, record);
}

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/auth/config', {
    config: PUBLIC,
    schema: { tags, summary: 'Public settings the sign-in pages need', response: { 200: publicConfigView } },
    handler: async () => ({ signup: deps.config.signup, mailMode: deps.mail.mode }),
  });

  r.post('/auth/signup', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Create a company account and sign in as its administrator',
      body: signupBody,
      response: { 201: sessionView },
    },
    handler: async (request, reply) => {
      if (deps.config.signup === 'closed') {
        throw new AppError(
          'forbidden',
          'Sign-up is closed on this Climalog. Ask the operator for an account.',
          { reason: 'signup_closed' },
        );
      }
      await deps.rateLimiter.hit(RATE_RULES.signUpPerIp, request.ip);
      const b = request.body;
      await createAccount(
        deps,
        request.meta,
        {
          name: b.companyName,
          kind: 'service',
          enterpriseNumber: b.enterpriseNumber ?? null,
          admin: {
            firstName: b.firstName,
            lastName: b.lastName,
            email: b.email,
            password: b.password,
            language: b.language,
          },
        },
        'sign_up',
      );
      const issued = await signIn(deps, request.meta, { login: b.email, password: b.password });
      return reply.status(201).send(await respondWithSession(deps, reply, issued));
    },
  });

  r.post('/auth/login', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Sign in with email and password (sets the session cookie)',
      body: loginBody,
      response: { 200: sessionView },
    },
    handler: async (request, reply) =>
      respondWithSession(deps, reply, await signIn(deps, request.meta, request.body)),
  });

  r.post('/auth/login/second-factor', {
    config: SESSION,
    schema: {
      tags,
      summary: 'Finish signing in with an authenticator code or a recovery code',
      body: secondFactorBody,
      response: { 200: sessionView },
    },
    handler: async (request, reply) =>
      respondWithSession(
        deps,
        reply,
        await completeSecondFactor(deps, request.meta, requireSession(request), request.body),
      ),
  });

  r.post('/auth/logout', {
    config: SESSION,
    schema: { tags, summary: 'Sign out (ends the session on the server)', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await signOut(deps, request.meta, requireSession(request));
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send(null);
    },
  });

  r.get('/auth/session', {
    config: SESSION,
    schema: {
      tags,
      summary: 'The current session, user, account, abilities and CSRF token',
      response: { 200: sessionView },
    },
    handler: async (request) => describeSession(deps, requireSession(request)),
  });

  r.post('/auth/password-reset', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Email a password reset link (same answer whether or not the address exists)',
      body: emailBody,
      response: { 202: z.object({}) },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(deps, request.meta, request.body.email);
      return reply.status(202).send({});
    },
  });

  r.post('/auth/password-reset/check', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Check a reset link before choosing a password (404 invalid, 410 expired or used)',
      body: tokenBody,
      response: { 200: linkDetailsView },
    },
    handler: async (request) => checkEmailLink(deps, request.meta, 'password_reset', request.body.token),
  });

  r.post('/auth/password-reset/confirm', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Set a new password through a reset link; ends every session',
      body: setPasswordBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await setPasswordFromLink(deps, request.meta, 'password_reset', request.body);
      return reply.status(204).send(null);
    },
  });

  r.post('/auth/invitations/check', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Check an invitation link (404 invalid, 410 expired, used or replaced)',
      body: tokenBody,
      response: { 200: linkDetailsView },
    },
    handler: async (request) => checkEmailLink(deps, request.meta, 'invitation', request.body.token),
  });

  r.post('/auth/invitations/accept', {
    config: PUBLIC,
    schema: {
      tags,
      summary: 'Accept an invitation by choosing a password',
      body: setPasswordBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await setPasswordFromLink(deps, request.meta, 'invitation', request.body);
      return reply.status(204).send(null);
    },
  });
}
