import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { signUpCompany, TestClient } from '../test-support/test-client.js';

let t: TestApp;
let client: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  client = (await signUpCompany(t.app)).client;
});
afterAll(async () => t.close());

const raw = (payload: string, headers: Record<string, string> = {}) =>
  client.request('POST', '/api/v1/customers', payload, { 'content-type': 'application/json', ...headers });

async function customerCount(): Promise<number> {
  return (await client.get('/api/v1/customers?limit=200')).data.items.length;
}

describe('bad input never causes a 5xx and never writes', () => {
  it('malformed JSON → 400 naming the body', async () => {
    const res = await raw('{"name": "Half');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.data.errors[0].field).toBe('body');
  });

  it('an empty body is no body for a DELETE, but broken JSON for a POST', async () => {
    const json = { 'content-type': 'application/json' };
    const id = (await client.post('/api/v1/customers', { name: 'Weg te doen' })).data.id;
    expect((await client.request('DELETE', `/api/v1/customers/${id}`, '', json)).statusCode).toBe(204);
    expect((await raw('')).statusCode).toBe(400);
  });

  it('oversized body → 413', async () => {
    const res = await raw(JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
  });

  it('wrong content types → 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const res = await client.request('POST', '/api/v1/customers', 'name=x', { 'content-type': type });
      expect(res.statusCode, type).toBe(415);
    }
  });

  it('__proto__ and constructor.prototype keys → 400', async () => {
    const proto = await raw('{"name":"x","__proto__":{"polluted":true}}');
    expect(proto.statusCode).toBe(400);
    const ctor = await raw('{"name":"x","constructor":{"prototype":{"polluted":true}}}');
    expect(ctor.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wrong types, unknown fields and overlong strings → 400 naming each field', async () => {
    const res = await client.post('/api/v1/customers', { name: 42, language: 'xx', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.data.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'colour',
      'language',
      'name',
    ]);
    const long = await client.post('/api/v1/customers', { name: 'a'.repeat(201) });
    expect(long.data.errors[0]).toMatchObject({ field: 'name', message: 'Must be at most 200 characters.' });
    const arrayBody = await raw('[1,2,3]');
    expect(arrayBody.statusCode).toBe(400);
    const nullBody = await raw('null');
    expect(nullBody.statusCode).toBe(400);
  });

  it('NUL bytes, lone surrogates, control characters and line breaks in one-line fields → 400', async () => {
    for (const name of ['a\u0000b', 'a\ud800b', 'bell\u0007', 'two\r\nlines', 'para\u2028graph']) {
      const res = await client.post('/api/v1/customers', { name });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.data.errors[0].field).toBe('name');
    }
  });

  it('keeps Unicode names intact (accents, right-to-left, emoji)', async () => {
    const name = 'Brasserie Ø – Liège 🍺 مطعم';
    const res = await client.post('/api/v1/customers', { name });
    expect(res.statusCode).toBe(201);
    expect((await client.get(`/api/v1/customers/${res.data.id}`)).data.name).toBe(name);
  });

  it('deeply nested JSON and huge arrays → 4xx, and the server stays up', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await raw(`{"name":"x","nested":${deep}}`);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const roles = await client.post('/api/v1/users', {
      kind: 'person',
      firstName: 'A',
      lastName: 'B',
      roles: Array(10_000).fill('technician'),
    });
    expect(roles.statusCode).toBe(400);
    expect((await client.get('/healthz')).statusCode).toBe(200);
  });

  it('bad ids and query parameters → 400 naming them', async () => {
    const id = await client.get('/api/v1/customers/not-a-uuid');
    expect(id.statusCode).toBe(400);
    expect(id.data.errors[0].field).toBe('id');
    const limit = await client.get('/api/v1/customers?limit=5000');
    expect(limit.data.errors[0].field).toBe('limit');
    const unknown = await client.get('/api/v1/customers?sort=colour');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.errors[0].field).toBe('sort');
    expect(unknown.data.errors[0].message).toContain('name, -name');
  });

  it('broken percent-encoding and overlong path segments → problem+json naming the path', async () => {
    for (const [url, status] of [
      ['/api/v1/customers/%zz', 400],
      ['/api/v1/customers/%ED%A0%80', 400],
      ['/api/v1/labels/%', 400],
      [`/api/v1/customers/${'a'.repeat(300)}`, 414],
    ] as const) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.data).toMatchObject({ status, requestId: res.headers['x-request-id'] });
      expect(res.data.errors[0].field).toBe('path');
      expect(res.body).not.toContain('FST_ERR');
      expect(res.headers['content-security-policy'], url).toContain("object-src 'none'");
    }
  });

  it('a NUL byte in a sign-in name → 400 naming it, not a database error', async () => {
    const visitor = new TestClient(t.app);
    for (const url of ['/api/v1/auth/login', '/api/v1/auth/tokens']) {
      const res = await visitor.post(url, {
        login: 'a\u0000@b.be',
        password: 'vriendelijk-kompas-fietst-42',
        ...(url.endsWith('tokens') ? { installationId: 'inst-0001-abcdef' } : {}),
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.data.errors[0].field, url).toBe('login');
    }
  });

  it('wrote nothing in all of the above except the one valid customer', async () => {
    expect(await customerCount()).toBe(1);
  });
});

describe('every response', () => {
  it('carries a request id and security headers', async () => {
    for (const url of ['/healthz', '/api/v1/customers', '/api/v1/does-not-exist', '/api/v1/openapi.json']) {
      const res = await client.get(url);
      expect(res.headers['x-request-id'], url).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['content-security-policy']).toContain("base-uri 'none'");
    }
    const missing = await client.get('/api/v1/does-not-exist');
    expect(missing.statusCode).toBe(404);
    expect(missing.data.requestId).toBe(missing.headers['x-request-id']);
  });

  it('ignores a request id chosen by the client', async () => {
    const res = await client.get('/healthz', { 'request-id': 'forged', 'x-request-id': 'forged' });
    expect(res.headers['x-request-id']).not.toBe('forged');
  });
});

describe('health and documentation', () => {
  it('reports liveness and database readiness', async () => {
    expect((await client.get('/healthz')).data).toEqual({ status: 'ok' });
    expect((await client.get('/readyz')).data).toMatchObject({ status: 'ready' });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const doc = await client.get('/api/v1/openapi.json');
    expect(doc.data.openapi).toBe('3.1.0');
    expect(Object.keys(doc.data.paths)).toEqual(
      expect.arrayContaining(['/api/v1/customers', '/api/v1/audit-events', '/api/v1/auth/login']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('numbers stored to three decimals', () => {
  it('quantities that round to 0 where 0 is not allowed → 400 naming the field, not a database error', async () => {
    const cylinder = await client.post('/api/v1/cylinders', {
      kind: 'recovery',
      refrigerant: null,
      capacityKg: 6e-22,
      contentKg: 1e-323,
    });
    expect(cylinder.statusCode).toBe(400);
    expect(cylinder.data.errors[0].field).toBe('capacityKg');
    const installation = (
      await client.post('/api/v1/installations', {
        locationId: (
          await client.post('/api/v1/locations', {
            customerId: (await client.post('/api/v1/customers', { name: 'Afronding' })).data.id,
            street: 'Kerkstraat',
          })
        ).data.id,
      })
    ).data.id;
    const product = (await client.post('/api/v1/products', { name: 'Moer' })).data.id;
    const workOrder = await client.post('/api/v1/work-orders', {
      installationIds: [installation],
      activities: [
        { installationId: installation, type: 'refrigerant_added', refrigerant: 'R-32', quantityKg: 0.0004 },
      ],
      products: [{ productId: product, quantity: 0.0004 }],
    });
    expect(workOrder.statusCode).toBe(400);
    expect(workOrder.data.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'activities.0.quantityKg',
      'products.0.quantity',
    ]);
    await client.delete(`/api/v1/installations/${installation}`);
  });
});
