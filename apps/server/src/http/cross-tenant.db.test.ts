import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import type { TestClient } from '../test-support/test-client.js';
import { signUpCompany } from '../test-support/test-client.js';
import { newMarker, seedTenant } from '../test-support/tenant-fixture.js';

/**
 * Tenant B, fully signed in as administrator, calls every route that takes an id with tenant A's
 * ids: each must answer 404 exactly as for an id that does not exist, change nothing, and never
 * show A's data in a list. The routes come from the OpenAPI document, so a new route cannot be
 * forgotten here: it fails until it has sample ids.
 */
let t: TestApp;
let a: TestClient;
let b: TestClient;
let marker: string;
const ids: Record<string, string> = {};

const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /api/v1/customers/{id}': { name: 'Overgenomen' },
  'PATCH /api/v1/users/{id}': { firstName: 'Overgenomen' },
  'POST /api/v1/users/{id}/api-keys': { name: 'Stolen' },
  'PATCH /api/v1/labels/{id}': { name: 'Overgenomen' },
  'PATCH /api/v1/locations/{id}': { name: 'Overgenomen' },
  'PATCH /api/v1/buildings/{id}': { name: 'Overgenomen' },
  'PATCH /api/v1/installations/{id}': { brand: 'Overgenomen' },
  'PATCH /api/v1/work-orders/{id}': { notes: 'Overgenomen' },
  'PATCH /api/v1/products/{id}': { name: 'Overgenomen' },
  'PATCH /api/v1/cylinders/{id}': { notes: 'Overgenomen' },
  'PATCH /api/v1/imports/{id}': { mapping: { name: 0 } },
  'POST /api/v1/work-orders/{id}/send': { to: ['thief@example.be'] },
  'POST /api/v1/customers/{id}/portal-code': {},
  'POST /api/v1/locations/{id}/portal-code': {},
  'POST /api/v1/installations/{id}/components': { kind: 'compressor' },
  'PUT /api/v1/installations/{id}/components/{componentId}': { kind: 'compressor' },
};

/** Body ids that point at tenant A's records (POST with a reference in the body). */
const REFERENCE_POSTS: Array<{ url: string; body: () => unknown; field: string }> = [
  {
    url: '/api/v1/locations',
    body: () => ({ customerId: ids.customer, street: 'Kerkstraat' }),
    field: 'customerId',
  },
  {
    url: '/api/v1/buildings',
    body: () => ({ locationId: ids.location, name: 'Hal B' }),
    field: 'locationId',
  },
  { url: '/api/v1/customers', body: () => ({ name: 'Met label', labelIds: [ids.label] }), field: 'labelIds' },
  { url: '/api/v1/installations', body: () => ({ locationId: ids.location }), field: 'locationId' },
  { url: '/api/v1/installations', body: () => ({ buildingId: ids.building }), field: 'buildingId' },
  {
    url: '/api/v1/work-orders',
    body: () => ({ installationIds: [ids.installation] }),
    field: 'installationIds',
  },
];

/** Which of tenant A's ids goes into each path parameter, by path. */
function fillPath(path: string): string | null {
  if (path === '/api/v1/customers/{id}/merge') return path.replace('{id}', ids.bCustomer!);
  if (path.startsWith('/api/v1/customers/{id}')) return path.replace('{id}', ids.customer!);
  if (path.startsWith('/api/v1/labels/{id}')) return path.replace('{id}', ids.label!);
  // Portal routes answer to a portal session, never to a company session: 401 is their "not yours".
  if (path.startsWith('/api/v1/portal/')) return null;
  if (path === '/api/v1/work-orders/{id}/certificates/{kind}')
    return path.replace('{id}', ids.workOrder!).replace('{kind}', 'leak_check');
  if (path.startsWith('/api/v1/work-orders/{id}')) return path.replace('{id}', ids.workOrder!);
  if (path.startsWith('/api/v1/imports/{id}')) return path.replace('{id}', ids.import!);
  if (path.startsWith('/api/v1/devices/{id}')) return path.replace('{id}', ids.device!);
  if (path.startsWith('/api/v1/products/{id}')) return path.replace('{id}', ids.product!);
  if (path.startsWith('/api/v1/cylinders/{id}')) return path.replace('{id}', ids.cylinder!);
  if (path === '/api/v1/installations/by-token/{token}')
    return path.replace('{token}', ids.installationToken!);
  if (path === '/api/v1/installations/{id}/attachments/{attachmentId}') {
    return path.replace('{id}', ids.installation!).replace('{attachmentId}', ids.attachment!);
  }
  if (path === '/api/v1/installations/{id}/components/{componentId}') {
    return path.replace('{id}', ids.installation!).replace('{componentId}', ids.component!);
  }
  if (path.startsWith('/api/v1/installations/{id}')) return path.replace('{id}', ids.installation!);
  if (path.startsWith('/api/v1/locations/{id}')) return path.replace('{id}', ids.location!);
  if (path.startsWith('/api/v1/buildings/{id}')) return path.replace('{id}', ids.building!);
  if (path === '/api/v1/users/{id}/api-keys/{keyId}')
    return path.replace('{id}', ids.systemUser!).replace('{keyId}', ids.apiKey!);
  if (path.startsWith('/api/v1/users/{id}/api-keys')) return path.replace('{id}', ids.systemUser!);
  if (path.startsWith('/api/v1/users/{id}')) return path.replace('{id}', ids.person!);
  return null;
}

beforeAll(async () => {
  t = await createTestApp();
  const tenantA = await seedTenant(t.app, newMarker('GEHEIM'));
  a = tenantA.admin;
  marker = tenantA.marker;
  b = (await signUpCompany(t.app)).client;
  Object.assign(ids, tenantA.ids, { label: tenantA.ids.customerLabel });
  // B's own customer, the target of a merge that names A's customer as the duplicate.
  ids.bCustomer = (await b.post('/api/v1/customers', { name: 'Klant van B' })).data.id;
});
afterAll(async () => t.close());

describe('cross-tenant access', () => {
  it('answers 404 for every route with another tenant’s id, the same as for an unknown id', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!path.includes('{')) continue;
      // Public by design: says only whether a presented digest is authentic (tested in documents).
      if (path === '/api/v1/logbook-verifications/{digest}') continue;
      if (path.startsWith('/api/v1/portal/')) {
        const res = await b.get(path.replace('{id}', ids.installation!).replace('{kind}', 'leak_check'));
        expect(res.statusCode, path).toBe(401);
        continue;
      }
      const filled = fillPath(path);
      expect(filled, `no sample ids for ${path}: add it to fillPath`).not.toBeNull();
      for (const method of Object.keys(operations)) {
        const upper = method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        const body =
          path === '/api/v1/customers/{id}/merge'
            ? { duplicateId: ids.customer }
            : (SAMPLE_BODIES[`${upper} ${path}`] ?? (upper === 'GET' || upper === 'DELETE' ? undefined : {}));
        // File uploads send a file, as a browser would.
        const upload = upper === 'POST' && path.endsWith('/attachments');
        const send = (url: string) =>
          upload
            ? b.request('POST', url, '%PDF-1.4\n%%EOF' as never, { 'content-type': 'application/pdf' })
            : b.request(upper, url, body);
        const foreign = await send(filled!);
        expect(foreign.statusCode, `${upper} ${path}`).toBe(404);
        const unknown = await send(
          filled!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '00000000-0000-4000-8000-000000000000'),
        );
        expect(unknown.statusCode, `${upper} ${path} (unknown id)`).toBe(404);
        checked.push(`${upper} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(9);
  });

  it('refuses references to another tenant’s records in a body, like unknown ids', async () => {
    for (const { url, body, field } of REFERENCE_POSTS) {
      const res = await b.post(url, body());
      expect(res.statusCode, url).toBe(422);
      expect(res.data.errors[0].field, url).toBe(field);
    }
  });

  it('left tenant A’s data untouched', async () => {
    const customer = await a.get(`/api/v1/customers/${ids.customer}`);
    expect(customer.data.name).toBe(`Klant ${marker}`);
    const person = await a.get(`/api/v1/users/${ids.person}`);
    expect(person.data).toMatchObject({ firstName: `Technieker ${marker}`, status: 'no_sign_in' });
    expect((await a.get(`/api/v1/locations/${ids.location}`)).data.street).toBe(`Straat ${marker}`);
    expect((await a.get(`/api/v1/buildings/${ids.building}`)).data.name).toBe(`Hal ${marker}`);
    const installation = (await a.get(`/api/v1/installations/${ids.installation}`)).data;
    expect(installation).toMatchObject({
      serialNumber: `SN-${marker}`,
      brand: `Merk ${marker}`,
      archived: false,
    });
    expect(installation.components).toHaveLength(1);
    expect(
      (await a.get('/api/v1/labels?scope=customer')).data.items.map((l: { name: string }) => l.name),
    ).toEqual([`customer ${marker}`]);
    expect(
      (await a.get(`/api/v1/customers/${ids.customer}`)).data.labels.map((l: { id: string }) => l.id),
    ).toEqual([ids.label]);
    expect((await a.get(`/api/v1/work-orders/${ids.workOrder}`)).data.notes).toBe(`Werkbon ${marker}`);
    expect((await a.get(`/api/v1/cylinders/${ids.cylinder}`)).data).toMatchObject({
      contentKg: 7,
      notes: `Fles ${marker}`,
    });
    const keys = await a.get(`/api/v1/users/${ids.systemUser}/api-keys`);
    expect(keys.data.items).toEqual([expect.objectContaining({ id: ids.apiKey, revokedAt: null })]);
  });

  it('never lists, searches or exports another tenant’s records', async () => {
    const lists = [
      '/api/v1/customers',
      `/api/v1/customers?q=${marker}`,
      '/api/v1/users',
      '/api/v1/users?kind=system',
      '/api/v1/labels',
      '/api/v1/locations',
      `/api/v1/locations?customerId=${ids.customer}`,
      '/api/v1/buildings',
      `/api/v1/buildings?locationId=${ids.location}`,
      '/api/v1/installations?archived=all',
      `/api/v1/installations?q=${marker}`,
      '/api/v1/work-orders',
      `/api/v1/work-orders?installationId=${ids.installation}`,
      '/api/v1/products?archived=true',
      '/api/v1/forecasts?view=all',
      '/api/v1/devices',
      '/api/v1/settings',
      '/api/v1/reports/incomplete-installations',
      '/api/v1/cylinders?archived=true',
      `/api/v1/installations?locationId=${ids.location}`,
      `/api/v1/audit-events?entityId=${ids.customer}`,
      '/api/v1/audit-events?action=customer.*',
    ];
    for (const url of lists) {
      const res = await b.get(url);
      expect(res.statusCode, url).toBe(200);
      const body = JSON.stringify(res.data);
      for (const [key, id] of Object.entries(ids))
        if (key !== 'bCustomer') expect(body, url).not.toContain(id);
      // B's own audit log records B's searches, A's marker as the search term included.
      if (!url.startsWith('/api/v1/audit-events')) expect(body, url).not.toContain(marker);
    }
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/customers?format=xlsx&q=${marker}`,
      headers: { cookie: b.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.toString('latin1')).not.toContain(marker);
  });

  it('ignores or refuses attempts to write into another tenant through the body', async () => {
    const res = await b.post('/api/v1/customers', {
      name: 'Poging',
      tenantId: (await a.get('/api/v1/auth/session')).data.account.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.data.errors[0].field).toBe('tenantId');
  });

  it('keeps a tenant’s audit chain its own', async () => {
    const verifyB = await b.get('/api/v1/audit-events/verify');
    expect(verifyB.data.intact).toBe(true);
    const logB = await b.get('/api/v1/audit-events?limit=200');
    const actorIds = new Set(logB.data.items.map((e: { actor: { id: string | null } }) => e.actor.id));
    const sessionA = (await a.get('/api/v1/auth/session')).data.user.id;
    expect(actorIds.has(sessionA)).toBe(false);
  });
});
