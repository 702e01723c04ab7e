import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * The OpenAPI document is generated from the zod schemas and committed as apps/server/openapi.json,
 * so API changes show up in review. This test fails when the committed copy is stale;
 * `npm run openapi` rewrites it.
 */
const COMMITTED = fileURLToPath(new URL('../../openapi.json', import.meta.url));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('matches the committed apps/server/openapi.json (run `npm run openapi` after API changes)', async () => {
    const generated = `${JSON.stringify(t.app.swagger(), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(COMMITTED, generated);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
    expect(committed === generated, 'apps/server/openapi.json is stale: run `npm run openapi`').toBe(true);
  });

  it('documents every route with a summary', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { summary?: string }>> };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method.toUpperCase()} ${path}`).toBeTruthy();
      }
    }
  });
});
