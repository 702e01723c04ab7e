import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../test-support/test-app.js';
import { signUpCompany, TestClient } from '../test-support/test-client.js';

/**
 * Tenant B, fully signed in as administrator, calls every route that takes an id with tenant A's
 * ids: each must answer 404 exactly as for an id that does not exist, change nothing, and never
 * show A's data in a list. The routes come from the OpenAPI document, so a new route cannot be
 * forgotten here: it fails until it has sample ids.
 */
let t: TestApp;
let a: TestClient;
let b: TestClient;
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
  const tenantA = await signUpCompany(t.app);
  a = tenantA.client;
  b = (await signUpCompany(t.app)).client;
  ids.customer = (
    await a.post('/api/v1/customers', { name: 'Geheim Klant A', enterpriseNumber: '0417497106' })
  ).data.id;
  ids.person = (
    await a.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Alleen',
      lastName: 'Van A',
      roles: ['technician'],
    })
  ).data.id;
  ids.systemUser = (
    await a.post('/api/v1/users', { kind: 'system', name: 'Koppeling A', roles: ['manager'] })
  ).data.id;
  ids.apiKey = (await a.post(`/api/v1/users/${ids.systemUser}/api-keys`, { name: 'Sleutel A' })).data.id;
  ids.label = (await a.post('/api/v1/labels', { scope: 'customer', name: 'VIP A' })).data.id;
  const location = (
    await a.post('/api/v1/locations', {
      customerId: ids.customer,
      street: 'Geheime dreef',
      number: '1',
      postcode: '9000',
      city: 'Gent',
    })
  ).data;
  ids.location = location.id;
  ids.defaultBuilding = location.defaultBuildingId;
  ids.building = (
    await a.post('/api/v1/buildings', { locationId: ids.location, name: 'Geheime hal' })
  ).data.id;
  const installationA = (
    await a.post('/api/v1/installations', {
      locationId: ids.location,
      kind: 'refrigeration',
      serialNumber: 'GEHEIM-1',
    })
  ).data;
  ids.installation = installationA.id;
  ids.installationToken = installationA.token;
  ids.component = (
    await a.post(`/api/v1/installations/${ids.installation}/components`, { kind: 'compressor' })
  ).data.items[0].id;
  ids.attachment = (
    await a.request(
      'POST',
      `/api/v1/installations/${ids.installation}/attachments?filename=a.pdf`,
      '%PDF-1.4\n%%EOF' as never,
      { 'content-type': 'application/pdf' },
    )
  ).data.id;
  ids.product = (await a.post('/api/v1/products', { name: 'Geheim onderdeel' })).data.id;
  ids.cylinder = (
    await a.post('/api/v1/cylinders', { kind: 'supply', refrigerant: 'R-32', capacityKg: 10, contentKg: 8 })
  ).data.id;
  ids.workOrder = (
    await a.post('/api/v1/work-orders', {
      installationIds: [ids.installation],
      notes: 'Geheime notitie',
      products: [{ productId: ids.product, quantity: 1 }],
    })
  ).data.id;
  ids.import = (
    await a.request('POST', '/api/v1/imports?kind=customers', 'Naam\nGeheime import\n', {
      'content-type': 'text/csv',
    })
  ).data.id;
  const techEmail = `tech.${Date.now()}@a.be`;
  await a.post('/api/v1/users', {
    kind: 'person',
    firstName: 'T',
    lastName: 'A',
    email: techEmail,
    roles: ['technician'],
    invite: true,
  });
  const invitation = linkToken(await t.mails(), techEmail, 'invitation');
  await new TestClient(t.app).post('/api/v1/auth/invitations/accept', {
    token: invitation,
    password: 'stille-beek-stroomt-4',
  });
  ids.device = (
    await new TestClient(t.app).post('/api/v1/auth/tokens', {
      login: techEmail,
      password: 'stille-beek-stroomt-4',
      installationId: 'inst-a-12345',
      deviceName: 'Tablet A',
    })
  ).data.deviceId;
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
    expect(customer.data.name).toBe('Geheim Klant A');
    const person = await a.get(`/api/v1/users/${ids.person}`);
    expect(person.data).toMatchObject({ firstName: 'Alleen', status: 'no_sign_in' });
    expect((await a.get(`/api/v1/locations/${ids.location}`)).data.street).toBe('Geheime dreef');
    expect((await a.get(`/api/v1/buildings/${ids.building}`)).data.name).toBe('Geheime hal');
    const installation = (await a.get(`/api/v1/installations/${ids.installation}`)).data;
    expect(installation).toMatchObject({ serialNumber: 'GEHEIM-1', brand: '', archived: false });
    expect(installation.components).toHaveLength(1);
    expect((await a.get('/api/v1/labels')).data.items.map((l: { name: string }) => l.name)).toEqual([
      'VIP A',
    ]);
    expect((await a.get(`/api/v1/customers/${ids.customer}`)).data.labels).toEqual([]);
    expect((await a.get(`/api/v1/work-orders/${ids.workOrder}`)).data.notes).toBe('Geheime notitie');
    expect((await a.get(`/api/v1/cylinders/${ids.cylinder}`)).data).toMatchObject({
      contentKg: 8,
      notes: '',
    });
    const keys = await a.get(`/api/v1/users/${ids.systemUser}/api-keys`);
    expect(keys.data.items).toEqual([expect.objectContaining({ id: ids.apiKey, revokedAt: null })]);
  });

  it('never lists, searches or exports another tenant’s records', async () => {
    const lists = [
      '/api/v1/customers',
      '/api/v1/customers?q=Geheim',
      '/api/v1/users',
      '/api/v1/users?kind=system',
      '/api/v1/labels',
      '/api/v1/locations',
      `/api/v1/locations?customerId=${ids.customer}`,
      '/api/v1/buildings',
      `/api/v1/buildings?locationId=${ids.location}`,
      '/api/v1/installations?archived=all',
      '/api/v1/installations?q=GEHEIM',
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
      expect(body).not.toContain('Geheim Klant A');
    }
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/customers?format=xlsx&q=Geheim',
      headers: { cookie: b.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.toString('latin1')).not.toContain('Geheim');
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
