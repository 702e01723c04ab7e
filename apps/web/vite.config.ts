import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';

/** Files of public/ that the field app needs offline (its icons). */
const FIELD_PUBLIC_FILES = [
  'field-icon-180.png',
  'field-icon-192.png',
  'field-icon-512.png',
  'field-icon-maskable-512.png',
];

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

/**
 * The field app as a PWA: emits dist/field.webmanifest and dist/field-sw.js (the service worker of
 * src/field/sw/field-sw.ts, stripped of its types, with the list of files to precache: the field
 * page and everything it loads, also lazily, but nothing of the Service app).
 */
function fieldPwa(): Plugin {
  return {
    name: 'climalog-field-pwa',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.facadeModuleId?.endsWith('/field.html'),
      );
      if (!entry || entry.type !== 'chunk') throw new Error('climalog-field-pwa: no field.html entry');
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const file = bundle[fileName];
        if (!file || files.has(fileName)) return;
        files.add(fileName);
        if (file.type !== 'chunk') return;
        for (const css of file.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of file.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...file.imports, ...file.dynamicImports]) visit(next);
      };
      visit(entry.fileName);
      const page = bundle['field.html'];
      if (page?.type === 'asset') {
        for (const match of String(page.source).matchAll(/(?:src|href)="\/app\/([^"]+)"/g))
          files.add(match[1]!);
      }
      // Cache.addAll refuses duplicates: one entry per URL.
      const precache = [
        '/field/',
        '/field/manifest.webmanifest',
        ...[...new Set([...files, ...FIELD_PUBLIC_FILES])].sort().map((name) => `/app/${name}`),
      ];
      const manifest = JSON.stringify(FIELD_MANIFEST, null, 2);
      const version = createHash('sha256')
        .update(JSON.stringify(precache))
        .update(manifest)
        .update(page?.type === 'asset' ? String(page.source) : '')
        .digest('hex')
        .slice(0, 16);
      const source = readFileSync(new URL('./src/field/sw/field-sw.ts', import.meta.url), 'utf8');
      const { code } = await transformWithOxc(source, 'field-sw.ts', { lang: 'ts' });
      const worker = code
        .replace(/^export \{\};?\s*$/m, '')
        .replace('__FIELD_PRECACHE__', JSON.stringify(precache))
        .replace('__FIELD_CACHE_VERSION__', JSON.stringify(version));
      if (worker.includes('__FIELD_')) throw new Error('climalog-field-pwa: a placeholder was left');
      this.emitFile({ type: 'asset', fileName: 'field-sw.js', source: worker });
      this.emitFile({ type: 'asset', fileName: 'field.webmanifest', source: manifest });
    },
  };
}

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
