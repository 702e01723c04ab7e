import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { linkToken, type TestApp } from '../../apps/server/src/test-support/test-app';
import { signUpCompany, TestClient } from '../../apps/server/src/test-support/test-client';

/**
 * A real tenant for the fuzzer: an administrator signed in (session + CSRF), an API key, a
 * technician's field-app token and a customer's portal session, and one record of every kind so
 * generated ids reach real rows. Credentials the fuzzer breaks (logout, revoked key or device,
 * deactivated user) are repaired between operations by `heal()`.
 */
export type Credential = 'session' | 'apiKey' | 'field' | 'portal' | 'none';

export type World = {
  admin: TestClient;
  adminLogin: { email: string; password: string };
  /** Ids by kind; `any` holds all of them. */
  ids: Record<string, string[]>;
  apiKey: string;
  fieldToken: string;
  portalCookie: string;
  /** Headers that sign a request in with one credential (no CSRF for a GET). */
  headers(credential: Credential, method: string): Record<string, string>;
  /** Re-creates any credential the fuzzer ended; returns the names of those it had to repair. */
  heal(): Promise<string[]>;
};

const PASSWORD = 'ijskoude-bergtop-wandel-5';
export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function ok(res: Promise<{ statusCode: number; body: string; data: any }>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`fuzz world: ${what} failed: ${r.statusCode} ${r.body}`);
  return r.data;
}

export async function createWorld(t: TestApp): Promise<World> {
  const app: FastifyInstance = t.app;
  const signedUp = await signUpCompany(app, { password: PASSWORD });
  const admin = signedUp.client;
  const ids: Record<string, string[]> = {};
  const add = (kind: string, id: string) => {
    (ids[kind] ??= []).push(id);
    (ids.any ??= []).push(id);
  };
  add('user', signedUp.session.user.id);
  ids.user = []; // the administrator is never a target: fuzzing must not deactivate itself

  const label = await ok(admin.post('/api/v1/labels', { scope: 'customer', name: 'Fuzz VIP' }), 'label');
  add('label', label.id);
  add('label', (await ok(admin.post('/api/v1/labels', { scope: 'installation', name: 'Fuzz' }), 'label')).id);
  for (const name of ['Brasserie Liège 🍺', 'Koeltechniek Gent']) {
    const customer = await ok(
      admin.post('/api/v1/customers', { name, enterpriseNumber: '0417497106', labelIds: [label.id] }),
      'customer',
    );
    add('customer', customer.id);
    add('duplicate', customer.id);
    const location = await ok(
      admin.post('/api/v1/locations', {
        customerId: customer.id,
        street: 'Kerkstraat',
        number: '1',
        postcode: '9000',
        city: 'Gent',
      }),
      'location',
    );
    add('location', location.id);
    add('building', location.defaultBuildingId);
    add(
      'building',
      (await ok(admin.post('/api/v1/buildings', { locationId: location.id, name: 'Hal' }), 'b')).id,
    );
    const installation = await ok(
      admin.post('/api/v1/installations', {
        locationId: location.id,
        kind: 'refrigeration',
        refrigerant: 'R-32',
        chargeKg: 12.5,
        serialNumber: `FZ-${randomInt(1e9)}`,
      }),
      'installation',
    );
    add('installation', installation.id);
    (ids.token ??= []).push(installation.token);
    const components = await ok(
      admin.post(`/api/v1/installations/${installation.id}/components`, { kind: 'compressor' }),
      'component',
    );
    add('component', components.items[0].id);
    const attachment = await ok(
      admin.request(
        'POST',
        `/api/v1/installations/${installation.id}/attachments?filename=plan.pdf`,
        '%PDF-1.4\n%%EOF',
        { 'content-type': 'application/pdf' },
      ),
      'attachment',
    );
    add('attachment', attachment.id);
  }
  // The portal's customer is no target (deleting it would end the portal credential for good); its
  // installation is, so portal routes reach real rows.
  const portalCustomer = await ok(admin.post('/api/v1/customers', { name: 'Portaalklant' }), 'customer');
  const portalLocation = await ok(
    admin.post('/api/v1/locations', { customerId: portalCustomer.id, street: 'Markt', city: 'Brugge' }),
    'location',
  );
  add(
    'installation',
    (
      await ok(
        admin.post('/api/v1/installations', { locationId: portalLocation.id, kind: 'refrigeration' }),
        'installation',
      )
    ).id,
  );
  const product = await ok(admin.post('/api/v1/products', { name: 'Filterdroger' }), 'product');
  add('product', product.id);
  add(
    'cylinder',
    (
      await ok(
        admin.post('/api/v1/cylinders', {
          kind: 'supply',
          refrigerant: 'R-32',
          capacityKg: 10,
          contentKg: 8,
        }),
        'cylinder',
      )
    ).id,
  );
  for (const installationId of ids.installation!) {
    const workOrder = await ok(
      admin.post('/api/v1/work-orders', {
        installationIds: [installationId],
        status: 'executed',
        executedOn: '2026-11-10',
        activities: [{ installationId, type: 'leak_check', result: 'no_leak' }],
        products: [{ productId: product.id, quantity: 1 }],
      }),
      'work order',
    );
    add('workOrder', workOrder.id);
  }
  add(
    'import',
    (
      await ok(
        admin.request('POST', '/api/v1/imports?kind=customers', 'Naam;E-mail\nFuzz BV;fuzz@example.be\n', {
          'content-type': 'text/csv',
        }),
        'import',
      )
    ).id,
  );
  // Users the fuzzer may change, deactivate or revoke; the credentials below belong to others.
  add(
    'user',
    (
      await ok(
        admin.post('/api/v1/users', {
          kind: 'person',
          firstName: 'Doel',
          lastName: 'Persoon',
          roles: ['technician'],
        }),
        'user',
      )
    ).id,
  );
  const targetSystem = await ok(
    admin.post('/api/v1/users', { kind: 'system', name: 'Doel', roles: ['manager'] }),
    'system user',
  );
  add('user', targetSystem.id);
  add('key', (await ok(admin.post(`/api/v1/users/${targetSystem.id}/api-keys`, { name: 'Doel' }), 'key')).id);
  const keyHolder = await ok(
    admin.post('/api/v1/users', { kind: 'system', name: 'Fuzz integratie', roles: ['administrator'] }),
    'system user',
  );
  const techEmail = `veld.${randomInt(1e9)}@koeling.be`;
  const tech = await ok(
    admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Stijn',
      lastName: 'Mertens',
      email: techEmail,
      roles: ['technician'],
      invite: true,
    }),
    'technician',
  );
  const invitation = linkToken(await t.mails(), techEmail, 'invitation');
  await ok(
    new TestClient(app).post('/api/v1/auth/invitations/accept', { token: invitation, password: PASSWORD }),
    'accept',
  );
  const deviceSignIn = async (installationId: string) =>
    ok(
      new TestClient(app).post('/api/v1/auth/tokens', {
        login: techEmail,
        password: PASSWORD,
        installationId,
        deviceName: 'Galaxy A54',
      }),
      'device sign-in',
    );
  add('device', (await deviceSignIn(`inst-target-${randomInt(1e9)}`)).deviceId);
  (ids.refresh ??= []).push((await deviceSignIn(`inst-refresh-${randomInt(1e9)}`)).refreshToken);

  const world: World = {
    admin,
    adminLogin: { email: signedUp.company.email, password: PASSWORD },
    ids,
    apiKey: '',
    fieldToken: '',
    portalCookie: '',
    headers(credential, method): Record<string, string> {
      switch (credential) {
        case 'session':
          return method === 'GET'
            ? { cookie: admin.cookie ?? '' }
            : { cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrfToken ?? '' };
        case 'apiKey':
          return { authorization: `Bearer ${world.apiKey}` };
        case 'field':
          return { authorization: `Bearer ${world.fieldToken}` };
        case 'portal':
          return { cookie: world.portalCookie };
        default:
          return {};
      }
    },
    async heal() {
      const repaired: string[] = [];
      if ((await admin.get('/api/v1/me')).statusCode !== 200) {
        repaired.push('session');
        await ok(
          admin.post('/api/v1/auth/login', { login: world.adminLogin.email, password: PASSWORD }),
          'login',
        );
      }
      const probe = (headers: Record<string, string>, url = '/api/v1/me') =>
        app.inject({ method: 'GET', url, headers, remoteAddress: randomIp() });
      if ((await probe(world.headers('apiKey', 'GET'))).statusCode !== 200) {
        if (world.apiKey) repaired.push('apiKey');
        await admin.post(`/api/v1/users/${keyHolder.id}/reactivate`, {});
        world.apiKey = (
          await ok(admin.post(`/api/v1/users/${keyHolder.id}/api-keys`, { name: 'Fuzz' }), 'key')
        ).key;
      }
      if ((await probe(world.headers('field', 'GET'))).statusCode !== 200) {
        if (world.fieldToken) repaired.push('field');
        await admin.post(`/api/v1/users/${tech.id}/reactivate`, {});
        world.fieldToken = (await deviceSignIn(`inst-fuzz-${randomInt(1e9)}`)).accessToken;
      }
      if ((await probe(world.headers('portal', 'GET'), '/api/v1/portal/session')).statusCode !== 200) {
        if (world.portalCookie) repaired.push('portal');
        const issued = await ok(
          admin.post(`/api/v1/customers/${portalCustomer.id}/portal-code`, {}),
          'portal code',
        );
        const visitor = new TestClient(app);
        await ok(visitor.post('/api/v1/portal/session', { code: issued.code }), 'portal session');
        world.portalCookie = visitor.cookie ?? '';
      }
      return repaired;
    },
  };
  await world.heal();
  return world;
}
