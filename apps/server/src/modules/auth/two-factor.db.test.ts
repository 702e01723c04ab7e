import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../security/totp.js';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Turns on two-step sign-in for the client's user; returns the secret and recovery codes. */
async function enableTwoFactor(client: TestClient, password: string) {
  const setup = await client.post('/api/v1/me/two-factor/setup');
  expect(setup.statusCode).toBe(200);
  expect(setup.data.otpauthUri).toMatch(/^otpauth:\/\/totp\/Climalog:/);
  expect(setup.data.qrCodeSvg).toContain('<svg');
  const secret = setup.data.secret as string;
  const enable = await client.post('/api/v1/me/two-factor/enable', {
    password,
    code: currentTotpCode(secret, t.clock.now()),
  });
  expect(enable.statusCode).toBe(200);
  expect(enable.data.recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes: enable.data.recoveryCodes as string[] };
}

describe('two-step sign-in (TOTP)', () => {
  it('asks for a code after the password; the half-signed-in session can do nothing else', async () => {
    const { client, company } = await signUpCompany(t.app);
    const { secret } = await enableTwoFactor(client, company.password);

    const browser = new TestClient(t.app);
    const first = await browser.post('/api/v1/auth/login', {
      login: company.email,
      password: company.password,
    });
    expect(first.statusCode).toBe(200);
    expect(first.data.stage).toBe('second_factor');
    expect(first.data.abilities.manageUsers).toBe(false);
    expect((await browser.get('/api/v1/customers')).statusCode).toBe(401);
    const pendingCookie = browser.cookie;

    const bad = await browser.post('/api/v1/auth/login/second-factor', { code: '000000' });
    expect(bad.statusCode).toBe(422);
    expect(bad.data.errors[0].field).toBe('code');

    t.clock.advance(30_000); // a new time step, so the code differs from the one used to enable
    const ok = await browser.post('/api/v1/auth/login/second-factor', {
      code: currentTotpCode(secret, t.clock.now()),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.data.stage).toBe('active');
    expect(browser.cookie).not.toBe(pendingCookie);
    expect((await browser.get('/api/v1/customers')).statusCode).toBe(200);

    // The same code cannot be replayed in another sign-in.
    const replay = new TestClient(t.app);
    await replay.post('/api/v1/auth/login', { login: company.email, password: company.password });
    const again = await replay.post('/api/v1/auth/login/second-factor', {
      code: currentTotpCode(secret, t.clock.now()),
    });
    expect(again.statusCode).toBe(422);
  });

  it('accepts each recovery code once', async () => {
    const { client, company } = await signUpCompany(t.app);
    const { recoveryCodes } = await enableTwoFactor(client, company.password);
    const code = recoveryCodes[0]!;
    const browser = new TestClient(t.app);
    await browser.post('/api/v1/auth/login', { login: company.email, password: company.password });
    const ok = await browser.post('/api/v1/auth/login/second-factor', { recoveryCode: code.toLowerCase() });
    expect(ok.statusCode).toBe(200);
    const other = new TestClient(t.app);
    await other.post('/api/v1/auth/login', { login: company.email, password: company.password });
    expect((await other.post('/api/v1/auth/login/second-factor', { recoveryCode: code })).statusCode).toBe(
      422,
    );
  });

  it('needs the password to turn it on or off', async () => {
    const { client, company } = await signUpCompany(t.app);
    const setup = await client.post('/api/v1/me/two-factor/setup');
    const noPassword = await client.post('/api/v1/me/two-factor/enable', {
      password: 'verkeerd-wachtwoord-5',
      code: currentTotpCode(setup.data.secret, t.clock.now()),
    });
    expect(noPassword.statusCode).toBe(422);
    expect(noPassword.data.errors[0].field).toBe('password');
    const { secret } = await enableTwoFactor(client, company.password);
    t.clock.advance(30_000);
    const off = await client.post('/api/v1/me/two-factor/disable', {
      password: company.password,
      code: currentTotpCode(secret, t.clock.now()),
    });
    expect(off.statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/session')).data.user.twoFactorEnabled).toBe(false);
  });

  it('replaces the recovery codes with the password; the old ones stop working', async () => {
    const { client, company } = await signUpCompany(t.app);
    const { recoveryCodes: old } = await enableTwoFactor(client, company.password);
    expect(
      (await client.post('/api/v1/me/two-factor/recovery-codes', { password: 'niet-mijn-wachtwoord-3' }))
        .statusCode,
    ).toBe(422);
    const fresh = await client.post('/api/v1/me/two-factor/recovery-codes', { password: company.password });
    expect(fresh.data.recoveryCodes).toHaveLength(10);
    expect(fresh.data.recoveryCodes).not.toContain(old[0]);
    const browser = new TestClient(t.app);
    await browser.post('/api/v1/auth/login', { login: company.email, password: company.password });
    expect(
      (await browser.post('/api/v1/auth/login/second-factor', { recoveryCode: old[0] })).statusCode,
    ).toBe(422);
    expect(
      (await browser.post('/api/v1/auth/login/second-factor', { recoveryCode: fresh.data.recoveryCodes[0] }))
        .statusCode,
    ).toBe(200);
  });

  it('limits wrong codes', async () => {
    const { client, company } = await signUpCompany(t.app);
    await enableTwoFactor(client, company.password);
    const browser = new TestClient(t.app);
    await browser.post('/api/v1/auth/login', { login: company.email, password: company.password });
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await browser.post('/api/v1/auth/login/second-factor', { code: '123456' })).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('an account that requires two-step sign-in', () => {
  it('needs the administrator to have it first, then sends users without it to enrolment', async () => {
    const { client: admin, company } = await signUpCompany(t.app);
    const early = await admin.patch('/api/v1/account', { requireTwoFactor: true });
    expect(early.statusCode).toBe(409);
    expect(early.data.errors[0].field).toBe('requireTwoFactor');
    await enableTwoFactor(admin, company.password);
    expect((await admin.patch('/api/v1/account', { requireTwoFactor: true })).statusCode).toBe(200);

    const email = `tech.${Date.now()}@peeters.be`;
    await admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Tom',
      lastName: 'Claes',
      email,
      roles: ['technician'],
      invite: true,
    });
    const token = linkToken(await t.mails(), email, 'invitation');
    const tech = new TestClient(t.app);
    await tech.post('/api/v1/auth/invitations/accept', { token, password: 'koude-winter-wind-88' });
    const login = await tech.post('/api/v1/auth/login', { login: email, password: 'koude-winter-wind-88' });
    expect(login.data.stage).toBe('enrol_second_factor');
    expect((await tech.get('/api/v1/customers')).statusCode).toBe(401);

    const setup = await tech.post('/api/v1/me/two-factor/setup');
    const enabled = await tech.post('/api/v1/me/two-factor/enable', {
      password: 'koude-winter-wind-88',
      code: currentTotpCode(setup.data.secret, t.clock.now()),
    });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.data.session.stage).toBe('active');
    expect((await tech.get('/api/v1/customers')).statusCode).toBe(200);

    t.clock.advance(30_000);
    const off = await tech.post('/api/v1/me/two-factor/disable', {
      password: 'koude-winter-wind-88',
      code: currentTotpCode(setup.data.secret, t.clock.now()),
    });
    expect(off.statusCode).toBe(409);
  });
});
