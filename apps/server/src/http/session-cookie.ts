import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and over https Secure with the __Host-
 * prefix (which browsers only accept from a secure origin, without Domain).
 */
export function sessionCookieName(config: Config): string {
  return config.isHttps ? '__Host-climalog_session' : 'climalog_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isHttps,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isHttps,
    path: '/',
  });
}

export function readSessionCookie(request: FastifyRequest, config: Config): string | undefined {
  const value = request.cookies[sessionCookieName(config)];
  return value && value.length <= 100 ? value : undefined;
}
