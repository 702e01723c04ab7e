import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // A small stand-in for the web build, so the test does not depend on building the web app.
  const dist = mkdtempSync(join(tmpdir(), 'climalog-dist-'));
  mkdirSync(join(dist, 'assets'));
  for (const file of ['index.html', 'portal.html', 'field.html'])
    writeFileSync(join(dist, file), `<!doctype html><title>${file}</title>`);
  writeFileSync(join(dist, 'assets', 'app-abc.js'), 'console.log(1)');
  writeFileSync(join(dist, 'field-sw.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(join(dist, 'field.webmanifest'), '{"name":"Climalog"}');
  t = await createTestApp({ WEB_DIST_DIR: dist });
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('serving the web apps', () => {
  it('serves each app’s page for deep links, and hashed assets with a long cache', async () => {
    expect((await get('/app/customers/123')).body).toContain('index.html');
    expect((await get('/portal')).body).toContain('portal.html');
    expect((await get('/portal/installations/1?x=1')).body).toContain('portal.html');
    expect((await get('/field/today')).body).toContain('field.html');
    expect((await get('/field/')).body).toContain('field.html');
    // Outside the service worker's scope the field app cannot work offline: /field goes to /field/.
    const bare = await get('/field?token=abc');
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/field/?token=abc');
    const asset = await get('/app/assets/app-abc.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/app/assets/missing.js')).statusCode).toBe(404);
    expect((await get('/nothing-here')).statusCode).toBe(404);
  });

  it('serves the field app’s service worker and manifest within /field/', async () => {
    const worker = await get('/field/sw.js');
    expect(worker.headers['service-worker-allowed']).toBe('/field/');
    expect(worker.headers['content-type']).toContain('javascript');
    expect((await get('/field/manifest.webmanifest')).headers['content-type']).toContain('manifest+json');
  });
});
