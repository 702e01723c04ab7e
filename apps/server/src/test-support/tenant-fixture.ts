import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { signUpCompany, TestClient, type TestResponse } from './test-client.js';

/**
 * One tenant with one record of every kind the API can reference, for the cross-tenant tests
 * (apps/server/src/http/cross-tenant.db.test.ts and the attack suite in quality/). Every text the
 * fixture writes carries the tenant's `marker`, so a response that shows any of its data can be
 * recognised by a plain substring search, as can its ids and secrets.
 */
export type TenantIds = {
  account: string;
  admin: string;
  customer: string;
  /** A second customer: the duplicate of a merge. */
  customer2: string;
  person: string;
  systemUser: string;
  apiKey: string;
  customerLabel: string;
  locationLabel: string;
  installationLabel: string;
  workOrderLabel: string;
  location: string;
  defaultBuilding: string;
  building: string;
  installation: string;
  installationToken: string;
  component: string;
  attachment: string;
  product: string;
  cylinder: string;
  recoveryCylinder: string;
  workOrder: string;
  /** Executed and signed: it has a document and certificates. */
  executedWorkOrder: string;
  import: string;
  device: string;
  emailTemplate: string;
  idempotencyKey: string;
};

export type TenantFixture = {
  /** The administrator's browser session. */
  admin: TestClient;
  email: string;
  password: string;
  /** Appears in every text the fixture wrote. */
  marker: string;
  ids: TenantIds;
  /** Secrets handed out once: API key, device tokens, portal code (location scope, no token needed). */
  secrets: { apiKey: string; accessToken: string; refreshToken: string; portalCode: string };
  /** The installation ID of the administrator's field device. */
  deviceInstallationId: string;
};

const ok = (res: TestResponse, what: string): TestResponse => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
};

/** Signs up a company and gives it one record of every kind, each named after `marker`. */
export async function seedTenant(app: FastifyInstance, marker: string): Promise<TenantFixture> {
  const signed = await signUpCompany(app, { companyName: `Koeltechniek ${marker}` });
  const c = signed.client;
  const m = marker;
  const post = async (url: string, body: unknown, headers?: Record<string, string>) =>
    ok(await c.post(url, body, headers), `POST ${url}`).data;
  const ids: Partial<TenantIds> = {
    account: signed.session.account.id,
    admin: signed.session.user.id,
  };
  ids.customer = (await post('/api/v1/customers', { name: `Klant ${m}`, notes: `Notitie ${m}` })).id;
  ids.customer2 = (await post('/api/v1/customers', { name: `Dubbel ${m}` })).id;
  ids.person = (
    await post('/api/v1/users', {
      kind: 'person',
      firstName: `Technieker ${m}`,
      lastName: m,
      roles: ['technician'],
    })
  ).id;
  ids.systemUser = (
    await post('/api/v1/users', { kind: 'system', name: `Koppeling ${m}`, roles: ['administrator'] })
  ).id;
  const key = await post(`/api/v1/users/${ids.systemUser}/api-keys`, { name: `Sleutel ${m}` });
  ids.apiKey = key.id;
  for (const scope of ['customer', 'location', 'installation', 'work_order'] as const) {
    const label = await post('/api/v1/labels', { scope, name: `${scope} ${m}`.slice(0, 60) });
    const slot = ({ customer: 'customerLabel', location: 'locationLabel' } as const)[scope as 'customer'];
    ids[slot ?? (scope === 'installation' ? 'installationLabel' : ('workOrderLabel' as keyof TenantIds))] =
      label.id;
  }
  ok(await c.patch(`/api/v1/customers/${ids.customer}`, { labelIds: [ids.customerLabel] }), 'label customer');
  const location = await post('/api/v1/locations', {
    customerId: ids.customer,
    name: `Vestiging ${m}`,
    street: `Straat ${m}`,
    number: '1',
    postcode: '9000',
    city: 'Gent',
    labelIds: [ids.locationLabel],
    contacts: [{ name: `Contact ${m}`, email: `contact.${m.toLowerCase()}@example.be` }],
  });
  ids.location = location.id;
  ids.defaultBuilding = location.defaultBuildingId;
  ids.building = (await post('/api/v1/buildings', { locationId: ids.location, name: `Hal ${m}` })).id;
  const installation = await post('/api/v1/installations', {
    buildingId: ids.building,
    kind: 'refrigeration',
    serialNumber: `SN-${m}`,
    brand: `Merk ${m}`,
    refrigerant: 'R-404A',
    chargeKg: 12,
    labelIds: [ids.installationLabel],
  });
  ids.installation = installation.id;
  ids.installationToken = installation.token;
  ids.component = (
    await post(`/api/v1/installations/${ids.installation}/components`, {
      kind: 'compressor',
      brand: `Compressor ${m}`,
    })
  ).items[0].id;
  ids.attachment = ok(
    await c.request(
      'POST',
      `/api/v1/installations/${ids.installation}/attachments?filename=${encodeURIComponent(`plan-${m}.pdf`)}`,
      `%PDF-1.4\n% ${m}\n%%EOF` as never,
      { 'content-type': 'application/pdf' },
    ),
    'attachment',
  ).data.id;
  ids.product = (await post('/api/v1/products', { name: `Onderdeel ${m}` })).id;
  ids.cylinder = (
    await post('/api/v1/cylinders', {
      kind: 'supply',
      refrigerant: 'R-404A',
      capacityKg: 10,
      contentKg: 8,
      notes: `Fles ${m}`,
    })
  ).id;
  ok(await c.patch(`/api/v1/cylinders/${ids.cylinder}`, { contentKg: 7.5 }), 'cylinder adjustment');
  ids.recoveryCylinder = (
    await post('/api/v1/cylinders', { kind: 'recovery', refrigerant: 'R-404A', capacityKg: 10, contentKg: 0 })
  ).id;
  ids.idempotencyKey = `idem-${m}`;
  ids.workOrder = (
    await post(
      '/api/v1/work-orders',
      {
        installationIds: [ids.installation],
        executorId: ids.person,
        notes: `Werkbon ${m}`,
        labelIds: [ids.workOrderLabel],
        products: [{ productId: ids.product, quantity: 1 }],
        signatures: [
          { role: 'customer', signerName: `Klant ${m}`, image: 'data:image/png;base64,iVBORw0KGgo=' },
        ],
        activities: [
          { type: 'leak_check', installationId: ids.installation, notes: `Lekcontrole ${m}` },
          {
            type: 'refrigerant_added',
            installationId: ids.installation,
            refrigerant: 'R-404A',
            quantityKg: 1,
            cylinderId: ids.cylinder,
          },
        ],
      },
      { 'idempotency-key': ids.idempotencyKey },
    )
  ).id;
  ids.executedWorkOrder = (
    await post('/api/v1/work-orders', {
      installationIds: [ids.installation],
      status: 'executed',
      executedOn: '2026-11-20',
      executorId: ids.person,
      notes: `Uitgevoerd ${m}`,
      signatures: [
        { role: 'customer', signerName: `Klant ${m}`, image: 'data:image/png;base64,iVBORw0KGgo=' },
      ],
      activities: [
        { type: 'leak_check', installationId: ids.installation, result: 'no_leak', method: 'direct' },
        {
          type: 'refrigerant_added',
          installationId: ids.installation,
          refrigerant: 'R-404A',
          quantityKg: 0.5,
          cylinderId: ids.cylinder,
        },
      ],
    })
  ).id;
  ids.import = ok(
    await c.request('POST', '/api/v1/imports?kind=customers', `Naam\nImport ${m}\n`, {
      'content-type': 'text/csv',
    }),
    'import',
  ).data.id;
  const settings = ok(
    await c.patch('/api/v1/settings', {
      emailTemplates: [
        { language: 'nl', name: `Sjabloon ${m}`, subject: `Onderwerp ${m}`, body: `Tekst ${m}` },
      ],
    }),
    'settings',
  ).data;
  ids.emailTemplate = settings.emailTemplates[0].id;
  const deviceInstallationId = `dev-${m}-${randomInt(1e9)}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const tokens = ok(
    await new TestClient(app).post('/api/v1/auth/tokens', {
      login: signed.company.email,
      password: signed.company.password,
      installationId: deviceInstallationId,
      deviceName: `Tablet ${m}`,
    }),
    'device sign-in',
  ).data;
  ids.device = tokens.deviceId;
  const portal = await post(`/api/v1/locations/${ids.location}/portal-code`, {});
  return {
    admin: c,
    email: signed.company.email,
    password: signed.company.password,
    marker,
    ids: ids as TenantIds,
    secrets: {
      apiKey: key.key,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      portalCode: portal.code,
    },
    deviceInstallationId,
  };
}

/** A marker no other text in the database contains by chance. */
export const newMarker = (prefix: string): string =>
  `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
