import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const DEFAULT_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app at /app (a single-page app: unknown paths under /app get index.html).
 * Without a build it says how to make one instead of failing.
 */
export async function registerWebApp(app: FastifyInstance, distDir = DEFAULT_DIST): Promise<boolean> {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/app', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run "npm run build" (npm start does it for you).'),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/app/',
    index: ['index.html'],
    // Hashed asset names may be cached for a year; index.html never.
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/app', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
  return true;
}

export const webIndexFile = (distDir = DEFAULT_DIST) => join(distDir, 'index.html');
