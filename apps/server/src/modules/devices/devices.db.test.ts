import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
const email = `veld.${Date.now()}@koeling.be`;
const password = 'ijskoude-bergtop-wandel-5';
let techId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  techId = (
    await admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Stijn',
      lastName: 'Mertens',
      email,
      roles: ['technician'],
      invite: true,
    })
  ).data.id;
  const token = linkToken(await t.mails(), email, 'invitation');
  await new TestClient(t.app).post('/api/v1/auth/invitations/accept', { token, password });
});
afterAll(async () => t.close());

const signIn = (installationId: string, extra: Record<string, unknown> = {}) =>
  new TestClient(t.app).post(
    '/api/v1/auth/tokens',
    { login: email, password, installationId, deviceName: 'Galaxy A54', ...extra },
    { 'x-app-version': '1.4.0' },
  );

describe('field app tokens', () => {
  it('signs in with tokens bound to the installation ID, without a cookie, and acts as a device', async () => {
    const res = await signIn('inst-0001-abcdef');
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toEqual([]);
    expect(res.data).toMatchObject({
      expiresIn: 900,
      accessToken: expect.stringMatching(/^cla_/),
      refreshToken: expect.stringMatching(/^clr_/),
    });
    const app = new TestClient(t.app);
    app.bearer = res.data.accessToken;
    const customer = await app.post('/api/v1/customers', { name: 'Vanuit de app' });
    expect(customer.statusCode).toBe(201);
    const log = await admin.get(`/api/v1/audit-events?entityId=${customer.data.id}`);
    expect(log.data.items[0].actor).toMatchObject({
      type: 'device',
      id: techId,
      name: 'Stijn Mertens (Galaxy A54)',
    });
    const devices = await admin.get(`/api/v1/devices?userId=${techId}`);
    expect(devices.data.items[0]).toMatchObject({
      installationId: 'inst-0001-abcdef',
      name: 'Galaxy A54',
      appVersion: '1.4.0',
      revokedAt: null,
    });
  });

  it('rotates refresh tokens; reusing one ends the device’s sign-in', async () => {
    const first = (await signIn('inst-0002-abcdef')).data;
    const second = await new TestClient(t.app).post('/api/v1/auth/tokens/refresh', {
      refreshToken: first.refreshToken,
    });
    expect(second.statusCode).toBe(200);
    expect(second.data.refreshToken).not.toBe(first.refreshToken);
    const reuse = await new TestClient(t.app).post('/api/v1/auth/tokens/refresh', {
      refreshToken: first.refreshToken,
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.data.reason).toBe('refresh_reused');
    const afterReuse = await new TestClient(t.app).post('/api/v1/auth/tokens/refresh', {
      refreshToken: second.data.refreshToken,
    });
    expect(afterReuse.statusCode).toBe(401);
    const app = new TestClient(t.app);
    app.bearer = second.data.accessToken;
    expect((await app.get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('expires access tokens after 15 minutes and lets an administrator revoke a device', async () => {
    const pair = (await signIn('inst-0003-abcdef')).data;
    const app = new TestClient(t.app);
    app.bearer = pair.accessToken;
    t.clock.advanceMinutes(16);
    expect((await app.get('/api/v1/customers')).statusCode).toBe(401);
    const fresh = await new TestClient(t.app).post('/api/v1/auth/tokens/refresh', {
      refreshToken: pair.refreshToken,
    });
    app.bearer = fresh.data.accessToken;
    expect((await app.get('/api/v1/customers')).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/devices/${pair.deviceId}`)).data.revokedAt).not.toBeNull();
    expect((await app.get('/api/v1/customers')).statusCode).toBe(401);
    expect(
      (
        await new TestClient(t.app).post('/api/v1/auth/tokens/refresh', {
          refreshToken: fresh.data.refreshToken,
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses wrong credentials and a missing or malformed installation ID with a clear 4xx', async () => {
    expect((await signIn('inst-0004-abcdef', { password: 'fout-fout-fout-1' })).statusCode).toBe(401);
    const missing = await new TestClient(t.app).post('/api/v1/auth/tokens', {
      login: email,
      password,
      deviceName: 'X',
    });
    expect(missing.statusCode).toBe(401);
    expect(missing.data.errors[0].field).toBe('installationId');
    const malformed = await signIn('bad id!');
    expect(malformed.statusCode).toBe(401);
    expect(malformed.data.errors[0].field).toBe('installationId');
    const garbage = new TestClient(t.app);
    garbage.bearer = 'cla_not-a-token';
    expect((await garbage.get('/api/v1/customers')).statusCode).toBe(401);
  });

  it('lets users see only their own devices', async () => {
    const pair = (await signIn('inst-0005-abcdef')).data;
    const app = new TestClient(t.app);
    app.bearer = pair.accessToken;
    const own = await app.get('/api/v1/devices');
    expect(own.data.items.every((d: { userId: string }) => d.userId === techId)).toBe(true);
    const session = (await admin.get('/api/v1/auth/session')).data;
    expect((await app.get(`/api/v1/devices?userId=${session.user.id}`)).statusCode).toBe(403);
  });
});
