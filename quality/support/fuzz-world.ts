import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { linkToken, type TestApp } from '../../apps/server/src/test-support/test-app';
import { newMarker, seedTenant } from '../../apps/server/src/test-support/tenant-fixture';
import { TestClient } from '../../apps/server/src/test-support/test-client';

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
  // One record of every kind (also an executed, signed work order), shared with the attack suite.
  const tenant = await seedTenant(app, newMarker('FUZZ'));
  const admin = tenant.admin;
  const f = tenant.ids;
  const ids: Record<string, string[]> = {};
  const add = (kind: string, id: string) => {
    (ids[kind] ??= []).push(id);
    (ids.any ??= []).push(id);
  };
  add('customer', f.customer);
  add('customer', f.customer2);
  add('duplicate', f.customer2);
  for (const label of [f.customerLabel, f.locationLabel, f.installationLabel, f.workOrderLabel])
    add('label', label);
  add('location', f.location);
  add('building', f.defaultBuilding);
  add('building', f.building);
  add('installation', f.installation);
  (ids.token ??= []).push(f.installationToken);
  add('component', f.component);
  add('attachment', f.attachment);
  add('product', f.product);
  add('cylinder', f.cylinder);
  add('cylinder', f.recoveryCylinder);
  add('workOrder', f.workOrder);
  add('workOrder', f.executedWorkOrder);
  add('import', f.import);
  add('device', f.device);
  // The administrator is never a target (fuzzing must not deactivate itself); the fixture's
  // technician, system user and its key are.
  add('user', f.person);
  add('user', f.systemUser);
  add('key', f.apiKey);
  // The portal's customer is no target (deleting it would end the portal credential for good); its
  // installation is, so portal routes reach real rows.
  const portalCustomer = await ok(admin.post('/api/v1/customers', { name: 'Portaalklant' }), 'customer');
  const portalLocation = await ok(
    admin.post('/api/v1/locations', { customerId: portalCustomer.id, street: 'Markt', city: 'Brugge' }),
    'location',
  );
  const portalInstallation = await ok(
    admin.post('/api/v1/installations', { locationId: portalLocation.id, kind: 'refrigeration' }),
    'installation',
  );
  add('installation', portalInstallation.id);
  add(
    'workOrder',
    (
      await ok(
        admin.post('/api/v1/work-orders', {
          installationIds: [portalInstallation.id],
          status: 'executed',
          executedOn: '2026-11-10',
          activities: [{ installationId: portalInstallation.id, type: 'leak_check', result: 'no_leak' }],
        }),
        'work order',
      )
    ).id,
  );
  // The credentials belong to users of their own, so that fuzzing the targets above cannot end them.
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
    adminLogin: { email: tenant.email, password: tenant.password },
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
          admin.post('/api/v1/auth/login', {
            login: world.adminLogin.email,
            password: world.adminLogin.password,
          }),
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
