import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The component library sets inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response; the API docs page brings its own CSP (it needs inline scripts). */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  app.addHook('onSend', async (request, reply) => applySecurityHeaders(request, reply, config));
}

/** Also called directly for errors Fastify answers before any hook runs (see app.ts frameworkErrors). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  reply.header('x-request-id', request.id);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(self), geolocation=(), microphone=()');
  if (config.isHttps) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  // Routes that set a stricter policy of their own (user files: sandbox) keep it.
  if (!request.url.startsWith('/api/docs') && !reply.hasHeader('content-security-policy'))
    reply.header('content-security-policy', CSP);
  // API answers are not cached, unless a route decided otherwise (immutable attachment images).
  if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'no-store');
}
