import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const DEFAULT_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../web/dist');

/** The pages of the web build: each serves its single-page app for every path below it. */
export const WEB_PAGES = [
  { prefix: '/app', file: 'index.html' },
  { prefix: '/portal', file: 'portal.html' },
  { prefix: '/field', file: 'field.html' },
] as const;

/**
 * Serves the web build: the Service app at /app, the customer portal at /portal and the field app
 * (a PWA, with its manifest and service worker scoped to /field/) at /field. Without a build it says
 * how to make one instead of failing.
 */
export async function registerWebApp(app: FastifyInstance, distDir = DEFAULT_DIST): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) {
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
    // Our own cache headers below, not the plugin's default max-age=0.
    cacheControl: false,
    // Hashed asset names may be cached for a year; pages never.
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const page = (reply: FastifyReply, file: string) =>
    reply.header('cache-control', 'no-cache').sendFile(file, distDir);
  app.get('/app', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
  for (const { prefix, file } of WEB_PAGES.filter((p) => p.prefix !== '/app')) {
    if (!existsSync(join(distDir, file))) continue;
    if (prefix === '/field') {
      // The field app's service worker controls /field/ only: /field itself would never work offline.
      app.get(prefix, { schema: { hide: true } }, async (request, reply) => {
        const query = request.url.indexOf('?');
        return reply.redirect(`/field/${query === -1 ? '' : request.url.slice(query)}`);
      });
      continue;
    }
    app.get(prefix, { schema: { hide: true } }, async (_request, reply) => page(reply, file));
  }
  // The field app's service worker controls /field/ although it is built next to the other files.
  const worker = join(distDir, 'field-sw.js');
  if (existsSync(worker)) {
    app.get('/field/sw.js', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('service-worker-allowed', '/field/')
        .header('cache-control', 'no-cache')
        .type('text/javascript; charset=utf-8')
        .sendFile('field-sw.js', distDir),
    );
  }
  if (existsSync(join(distDir, 'field.webmanifest'))) {
    app.get('/field/manifest.webmanifest', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .type('application/manifest+json')
        .sendFile('field.webmanifest', distDir),
    );
  }
  return true;
}

/** The page of the web build that answers a deep link, if any. */
export function webPageFor(url: string): string | null {
  const path = url.split('?')[0]!;
  if (path.startsWith('/app/assets/')) return null;
  const match = WEB_PAGES.find((p) => path === p.prefix || path.startsWith(`${p.prefix}/`));
  return match?.file ?? null;
}
