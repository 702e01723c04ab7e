import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The web manifest the server sends at /field/manifest.webmanifest. */
const FIELD_MANIFEST = {
  name: 'Climalog veld-app',
  short_name: 'Climalog',
  description: 'Werkbonnen, logboeken en handtekeningen op de werf, ook zonder netwerk.',
  lang: 'nl',
  id: '/field/',
  start_url: '/field/',
  scope: '/field/',
  display: 'standalone',
  orientation: 'portrait',
  background_color: '#f2f5f5',
  theme_color: '#0b7777',
  icons: [
    { src: '/app/field-icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/app/field-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/app/field-icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** Files of public/ that the field app needs offline (its icons). */
const FIELD_PUBLIC_FILES = [
  'field-icon-180.png',
  'field-icon-192.png',
  'field-icon-512.png',
  'field-icon-maskable-512.png',
];

/**
 * What the field app's service worker precaches, filled in while the bundle is written: the files of
 * dist/ that field.html loads, also lazily (its chunks, their CSS and assets, the files the page links
 * to and the icons), and none of the Service app's or the portal's.
 */
const fieldFiles = new Set<string>();

/**
 * The part of the field app's PWA that vite-plugin-pwa cannot do in a build with three pages: finds
 * the files of field.html (above) in the module graph, and writes dist/field.webmanifest. (The
 * plugin's own manifest would be linked from every page, index.html and portal.html too.)
 */
function fieldPwaFiles(): Plugin {
  return {
    name: 'climalog-field-pwa-files',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.facadeModuleId?.endsWith('/field.html'),
      );
      if (!entry || entry.type !== 'chunk') throw new Error('climalog-field-pwa-files: no field.html entry');
      fieldFiles.clear();
      const visit = (fileName: string) => {
        const file = bundle[fileName];
        if (!file || fieldFiles.has(fileName)) return;
        fieldFiles.add(fileName);
        if (file.type !== 'chunk') return;
        for (const css of file.viteMetadata?.importedCss ?? []) fieldFiles.add(css);
        for (const asset of file.viteMetadata?.importedAssets ?? []) fieldFiles.add(asset);
        for (const next of [...file.imports, ...file.dynamicImports]) visit(next);
      };
      visit(entry.fileName);
      const page = bundle['field.html'];
      if (page?.type !== 'asset') throw new Error('climalog-field-pwa-files: no field.html page');
      for (const match of String(page.source).matchAll(/(?:src|href)="\/app\/([^"]+)"/g))
        fieldFiles.add(match[1]!);
      for (const file of FIELD_PUBLIC_FILES) fieldFiles.add(file);
      this.emitFile({
        type: 'asset',
        fileName: 'field.webmanifest',
        source: `${JSON.stringify(FIELD_MANIFEST, null, 2)}\n`,
      });
    },
  };
}

type PrecacheEntry = { url: string; revision: string | null; size: number };

/**
 * Workbox lists every file of dist/; this keeps the field app's and gives each its URL: the page is
 * /field/ (the server sends field.html there), the manifest /field/manifest.webmanifest, everything
 * else lives under /app/. Fails the build when a file the app needs is missing from the list.
 */
function fieldPrecache(entries: PrecacheEntry[]): { manifest: PrecacheEntry[] } {
  const urls: Record<string, string> = {
    'field.html': '/field/',
    'field.webmanifest': '/field/manifest.webmanifest',
  };
  const wanted = new Set([...fieldFiles, ...Object.keys(urls)]);
  const manifest = entries
    .filter((entry) => wanted.has(entry.url))
    .map((entry) => ({ ...entry, url: urls[entry.url] ?? `/app/${entry.url}` }));
  const found = new Set(entries.map((entry) => entry.url));
  const missing = [...wanted].filter((file) => !found.has(file));
  if (missing.length > 0) throw new Error(`field precache: not in dist/: ${missing.join(', ')}`);
  return { manifest };
}

/**
 * The field app as a PWA. vite-plugin-pwa builds the service worker src/field/sw/field-sw.ts with
 * Workbox (strategy injectManifest) to dist/field-sw.js and writes the precache list into it; the
 * server sends it at /field/sw.js with scope /field/. src/field/pwa/register.ts registers it.
 */
const fieldPwa = () => [
  fieldPwaFiles(),
  VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/field/sw',
    filename: 'field-sw.ts',
    scope: '/field/',
    // Registered by the field app itself, at /field/sw.js; the manifest comes from fieldPwaFiles().
    injectRegister: false,
    manifest: false,
    injectManifest: {
      globPatterns: ['**/*.{js,css,html,webmanifest,png,svg,woff2}'],
      manifestTransforms: [fieldPrecache],
      // Workbox weighs every file it lists, the Service app's too, before fieldPrecache drops them: a
      // large chunk of the Service app must not fail the build (the default limit is 2 MiB).
      maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
      // As before: the worker without a source map (its sourceMappingURL would point below /field/).
      sourcemap: false,
    },
  }),
];

/**
 * The web apps, served by the API server (see apps/server/src/http/web-app.ts): the Service app at
 * /app/ (index.html), the customer portal at /portal (portal.html) and the field app at /field
 * (field.html). One build, separate entry points, so each page loads only its own code.
 */
export default defineConfig({
  base: '/app/',
  plugins: [react(), fieldPwa()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { app: 'index.html', portal: 'portal.html', field: 'field.html' },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // entriesAware: a library chunk is split by which pages use it, so the portal does not load the
        // Service app's charts just because a shared module sits in the same group.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, entriesAware: true },
            // Apart from React itself: the field app has its own small router.
            {
              name: 'router',
              test: /node_modules[\\/](react-router|react-router-dom)[\\/]/,
              entriesAware: true,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
              entriesAware: true,
            },
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|@reduxjs|react-redux|immer|reselect|decimal\.js-light|es-toolkit)[\\/]/,
              entriesAware: true,
            },
            // The field app's offline store: only field.html loads it.
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, entriesAware: true },
            { name: 'vendor', test: /node_modules/, entriesAware: true },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
