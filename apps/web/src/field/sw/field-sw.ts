/**
 * The field app's service worker, built on Workbox by vite-plugin-pwa (strategy injectManifest, see
 * vite.config.ts) to dist/field-sw.js and served at /field/sw.js with scope /field/. The build
 * bundles the Workbox modules and puts the precache list in place of self.__WB_MANIFEST: the field
 * page (as /field/), its manifest and the chunks, CSS and icons the page loads, not the Service
 * app's or the portal's.
 *
 * It precaches that list and serves it cache first, answers every /field/ navigation with the cached
 * page so the app opens without a network, and takes over at once when a new version is installed
 * (the page then offers a reload). The API is never cached here: the app keeps its data in IndexedDB.
 *
 * Type-checked on its own (tsconfig.json beside it): a worker has no DOM.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** The page every screen of the app is: the precache holds it under this URL. */
const PAGE = '/field/';
/** The caches of the service worker before Workbox (one per version): removed on activation. */
const LEGACY_CACHE_PREFIX = 'climalog-field-';

// A new version takes over as soon as it has cached everything; the page sees the controller change
// and offers a reload (src/field/pwa/register.ts).
void self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every screen of the app is the same page: the cached one, whatever the network does.
registerRoute(new NavigationRoute(createHandlerBoundToURL(PAGE), { allowlist: [/^\/field\//] }));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(LEGACY_CACHE_PREFIX)).map((name) => caches.delete(name)),
        ),
      ),
  );
});
