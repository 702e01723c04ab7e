import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const person = (overrides: Record<string, unknown> = {}) => ({
  kind: 'person',
  firstName: 'Pieter',
  lastName: 'De Smet',
  language: 'nl',
  roles: ['technician'],
  ...overrides,
});

/** Creates an invited user and signs them in; returns their client. */
async function signedInUser(admin: TestClient, roles: string[]) {
  const email = `user.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@desmet.be`;
  const created = await admin.post('/api/v1/users', person({ email, roles, invite: true }));
  expect(created.statusCode).toBe(201);
  const token = linkToken(await t.mails(), email, 'invitation');
  const client = new TestClient(t.app);
  expect(
    (await client.post('/api/v1/auth/invitations/accept', { token, password: 'lange-rivier-stroomt-12' }))
      .statusCode,
  ).toBe(204);
  expect(
    (await client.post('/api/v1/auth/login', { login: email, password: 'lange-rivier-stroomt-12' }))
      .statusCode,
  ).toBe(200);
  return { client, id: created.data.id as string, email };
}

describe('user management', () => {
  it('creates a technician record without sign-in, and grants sign-in later by invitation', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const res = await admin.post('/api/v1/users', person());
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      kind: 'person',
      status: 'no_sign_in',
      roles: ['technician'],
      email: null,
    });

    const noEmail = await admin.post(`/api/v1/users/${res.data.id}/invitation`);
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.data.errors[0].field).toBe('email');

    await admin.patch(`/api/v1/users/${res.data.id}`, { email: `pieter.${Date.now()}@desmet.be` });
    const invited = await admin.post(`/api/v1/users/${res.data.id}/invitation`);
    expect(invited.statusCode).toBe(200);
    expect(invited.data.status).toBe('invited');
    expect(new Date(invited.data.invitationExpiresAt).getTime() - Date.now()).toBeGreaterThan(
      6.9 * 86_400_000,
    );
  });

  it('assigns any combination of roles, but only an account manager grants account manager', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const combo = await admin.post('/api/v1/users', person({ roles: ['manager', 'technician'] }));
    expect(combo.data.roles).toEqual(['technician', 'manager']);

    const { client: plainAdmin } = await signedInUser(admin, ['administrator']);
    const refused = await plainAdmin.post('/api/v1/users', person({ roles: ['account_manager'] }));
    expect(refused.statusCode).toBe(403);
    expect(refused.data.errors[0].field).toBe('roles');
    const promote = await plainAdmin.patch(`/api/v1/users/${combo.data.id}`, { roles: ['account_manager'] });
    expect(promote.statusCode).toBe(403);
    const byAccountManager = await admin.patch(`/api/v1/users/${combo.data.id}`, {
      roles: ['administrator', 'account_manager'],
    });
    expect(byAccountManager.statusCode).toBe(200);
    expect(byAccountManager.data.roles).toEqual(['administrator', 'account_manager']);
  });

  it('refuses unknown roles and fields, naming them', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const res = await admin.post('/api/v1/users', person({ roles: ['superuser'], tenantId: 'x' }));
    expect(res.statusCode).toBe(400);
    const fields = res.data.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['roles.0', 'tenantId']));
  });

  it('keeps technicians and managers out of user management', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const { client: tech } = await signedInUser(admin, ['technician']);
    expect((await tech.get('/api/v1/users')).statusCode).toBe(403);
    // …but may look up fellow technicians to hand work over.
    expect((await tech.get('/api/v1/users?role=technician')).statusCode).toBe(200);
    expect((await tech.post('/api/v1/users', person())).statusCode).toBe(403);
    const { client: manager } = await signedInUser(admin, ['manager']);
    expect((await manager.get('/api/v1/users')).statusCode).toBe(200);
    expect((await manager.post('/api/v1/users', person())).statusCode).toBe(403);
  });

  it('deactivation ends the user’s sessions at once; reactivation lets them sign in again', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const { client: tech, id, email } = await signedInUser(admin, ['technician']);
    expect((await tech.get('/api/v1/me')).statusCode).toBe(200);
    const off = await admin.post(`/api/v1/users/${id}/deactivate`);
    expect(off.data.status).toBe('deactivated');
    expect((await tech.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (
        await new TestClient(t.app).post('/api/v1/auth/login', {
          login: email,
          password: 'lange-rivier-stroomt-12',
        })
      ).statusCode,
    ).toBe(401);
    await admin.post(`/api/v1/users/${id}/reactivate`);
    expect(
      (
        await new TestClient(t.app).post('/api/v1/auth/login', {
          login: email,
          password: 'lange-rivier-stroomt-12',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('keeps at least one administrator and never deactivates oneself', async () => {
    const { client: admin, session } = await signUpCompany(t.app);
    expect((await admin.post(`/api/v1/users/${session.user.id}/deactivate`)).statusCode).toBe(409);
    const demote = await admin.patch(`/api/v1/users/${session.user.id}`, { roles: ['technician'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.data.reason).toBe('last_administrator');
  });

  it('lists users alphabetically with filters and cursor paging', async () => {
    const { client: admin } = await signUpCompany(t.app);
    for (const lastName of ['Wouters', 'Aerts', 'Maes', 'Jacobs'])
      await admin.post('/api/v1/users', person({ lastName }));
    const first = await admin.get('/api/v1/users?kind=person&status=no_sign_in&limit=2');
    expect(first.data.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Aerts', 'Jacobs']);
    const second = await admin.get(
      `/api/v1/users?kind=person&status=no_sign_in&limit=2&cursor=${first.data.nextCursor}`,
    );
    expect(second.data.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Maes', 'Wouters']);
    expect(second.data.nextCursor).toBeNull();
    const bad = await admin.get('/api/v1/users?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].field).toBe('cursor');
  });

  it('lets every user set their own language and name', async () => {
    const { client } = await signUpCompany(t.app);
    const res = await client.patch('/api/v1/me', { language: 'de', firstName: 'Anna' });
    expect(res.data).toMatchObject({ language: 'de', firstName: 'Anna' });
    expect((await client.patch('/api/v1/me', { language: 'es' })).statusCode).toBe(400);
    expect((await client.patch('/api/v1/me', { roles: ['administrator'] })).statusCode).toBe(400);
  });
});

describe('system users and API keys', () => {
  it('creates a key shown once, stored hashed, that authenticates as the system user and records last use', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const system = await admin.post('/api/v1/users', {
      kind: 'system',
      name: 'Boekhouding',
      roles: ['manager'],
    });
    expect(system.statusCode).toBe(201);
    expect(system.data).toMatchObject({ kind: 'system', name: 'Boekhouding', status: 'active' });
    const created = await admin.post(`/api/v1/users/${system.data.id}/api-keys`, { name: 'Exact Online' });
    expect(created.statusCode).toBe(201);
    const key = created.data.key as string;
    expect(key).toMatch(/^clk_/);
    expect(key.startsWith(created.data.prefix)).toBe(true);

    const [stored] = await t.deps.db.query<{ key_hash: string }>(
      'select key_hash from api_keys where id = $1',
      [created.data.id],
    );
    expect(stored!.key_hash).not.toContain(key.slice(17));

    const integration = new TestClient(t.app);
    integration.bearer = key;
    const made = await integration.post('/api/v1/customers', { name: 'Via API' });
    expect(made.statusCode).toBe(201);
    const keys = await admin.get(`/api/v1/users/${system.data.id}/api-keys`);
    expect(keys.data.items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(keys.data)).not.toContain(key);
    const log = await admin.get(`/api/v1/audit-events?entityId=${made.data.id}`);
    expect(log.data.items[0].actor).toMatchObject({
      type: 'system_user',
      id: system.data.id,
      name: 'Boekhouding',
    });

    await admin.delete(`/api/v1/users/${system.data.id}/api-keys/${created.data.id}`);
    expect((await integration.get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('refuses keys for people, malformed keys, and keys of a deactivated system user', async () => {
    const { client: admin, session } = await signUpCompany(t.app);
    expect((await admin.post(`/api/v1/users/${session.user.id}/api-keys`, { name: 'x' })).statusCode).toBe(
      409,
    );
    const system = await admin.post('/api/v1/users', { kind: 'system', name: 'ERP', roles: ['technician'] });
    const { data } = await admin.post(`/api/v1/users/${system.data.id}/api-keys`, { name: 'ERP' });
    const integration = new TestClient(t.app);
    integration.bearer = data.key;
    expect((await integration.get('/api/v1/customers')).statusCode).toBe(200);
    await admin.post(`/api/v1/users/${system.data.id}/deactivate`);
    expect((await integration.get('/api/v1/customers')).statusCode).toBe(401);
    integration.bearer = 'clk_garbage';
    expect((await integration.get('/api/v1/customers')).statusCode).toBe(401);
  });
});
