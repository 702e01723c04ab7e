/**
 * The field app's service worker, built to dist/field-sw.js by the climalog-field-pwa plugin in
 * vite.config.ts (which fills in the precache list) and served at /field/sw.js with scope /field/.
 *
 * It precaches the field page and the assets it loads (not the Service app's), answers /field/
 * navigations with the cached page so the app opens without a network, and serves the cached
 * assets first. The API is never cached here: the app keeps its data in IndexedDB.
 */

type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
};
type ServiceWorkerScope = {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

declare const __FIELD_PRECACHE__: string[];
declare const __FIELD_CACHE_VERSION__: string;

const sw = self as unknown as ServiceWorkerScope;
const PREFIX = 'climalog-field-';
const CACHE = `${PREFIX}${__FIELD_CACHE_VERSION__}`;
const PAGE = '/field/';
const PRECACHE = new Set(__FIELD_PRECACHE__);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Fresh copies, not the HTTP cache's: the page says no-cache, the assets are immutable.
      await cache.addAll([...PRECACHE].map((url) => new Request(url, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

async function cachedOr(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  return fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/field/')) {
    // Every screen of the app is the same page: the cached one, whatever the network does.
    event.respondWith(cachedOr(request, PAGE));
    return;
  }
  if (PRECACHE.has(url.pathname)) event.respondWith(cachedOr(request, url.pathname));
});

export {};
