import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { newCompany, signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-up', () => {
  it('creates a company account whose first user is administrator and account manager, signed in', async () => {
    const company = newCompany({ enterpriseNumber: '0417.497.106' });
    const client = new TestClient(t.app);
    const res = await client.post('/api/v1/auth/signup', company);
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      stage: 'active',
      user: { email: company.email, roles: ['administrator', 'account_manager'], language: 'nl' },
      account: { name: company.companyName, kind: 'service' },
      abilities: { manageUsers: true, viewAuditLog: true, grantAccountManager: true },
    });
    const account = await client.get('/api/v1/account');
    expect(account.data.enterpriseNumber).toBe('0417.497.106');
  });

  it('names the field of every problem', async () => {
    const res = await new TestClient(t.app).post('/api/v1/auth/signup', {
      companyName: '',
      enterpriseNumber: '0417.497.107',
      firstName: 'Jan',
      lastName: 'Janssens',
      email: 'not-an-email',
      password: 'x',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.data.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['companyName', 'enterpriseNumber', 'email']));
  });

  it('refuses a weak or personal password with a field error', async () => {
    for (const password of ['12345678', 'password1', 'Annelies2024']) {
      const res = await new TestClient(t.app).post('/api/v1/auth/signup', newCompany({ password }));
      expect(res.statusCode, password).toBe(422);
      expect(res.data.errors[0].field).toBe('password');
    }
  });

  it('refuses an email address that already has an account', async () => {
    const { company } = await signUpCompany(t.app);
    const res = await new TestClient(t.app).post(
      '/api/v1/auth/signup',
      newCompany({ email: company.email.toUpperCase() }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0]).toMatchObject({ field: 'email', code: 'email_taken' });
  });

  it('can be closed by configuration, while sign-in keeps working', async () => {
    const closed = await createTestApp({ SIGNUP: 'closed' });
    try {
      const res = await new TestClient(closed.app).post('/api/v1/auth/signup', newCompany());
      expect(res.statusCode).toBe(403);
      expect(res.data.reason).toBe('signup_closed');
      expect((await new TestClient(closed.app).get('/api/v1/auth/config')).data.signup).toBe('closed');
    } finally {
      await closed.close();
    }
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie and issues a new session id at every sign-in', async () => {
    const { client, company } = await signUpCompany(t.app);
    const before = client.cookie;
    const res = await client.post('/api/v1/auth/login', { login: company.email, password: company.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'climalog_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(client.cookie).not.toBe(before);
    // The older session still belongs to the user (another tab), but the new id is different.
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('uses Secure cookies with the __Host- prefix behind https', async () => {
    const https = await createTestApp({ PUBLIC_URL: 'https://climalog.example.be' });
    try {
      const res = await new TestClient(https.app).post('/api/v1/auth/signup', newCompany());
      const cookie = res.cookies.find((c) => c.name === '__Host-climalog_session')!;
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await https.close();
    }
  });

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const { client } = await signUpCompany(t.app);
    const cookie = client.cookie;
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const replay = new TestClient(t.app);
    replay.cookie = cookie;
    expect((await replay.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('expires after the idle timeout and after the absolute timeout', async () => {
    const app = await createTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' });
    try {
      const { client, company } = await signUpCompany(app.app);
      app.clock.advanceMinutes(29);
      expect((await client.get('/api/v1/me')).statusCode).toBe(200);
      app.clock.advanceMinutes(31);
      expect((await client.get('/api/v1/me')).statusCode).toBe(401);
      await client.post('/api/v1/auth/login', { login: company.email, password: company.password });
      const expired = await client.get('/api/v1/audit-events?action=user.session_expired');
      expect(expired.data.items[0].details).toEqual({ reason: 'timeout' });

      const { client: busy } = await signUpCompany(app.app);
      for (let hour = 0; hour < 12; hour++) {
        app.clock.advanceMinutes(25);
        app.clock.advanceMinutes(25);
        expect((await busy.get('/api/v1/me')).statusCode).toBeLessThan(500);
      }
      expect((await busy.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('answers 401 without a session, with a problem document and a request id', async () => {
    const res = await new TestClient(t.app).get('/api/v1/customers');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.data).toMatchObject({ status: 401, title: 'Not signed in' });
    expect(res.headers['x-request-id']).toBe(res.data.requestId);
  });
});

describe('cross-site request protection', () => {
  it('refuses a state change without the CSRF token', async () => {
    const { client } = await signUpCompany(t.app);
    const res = await client.post('/api/v1/customers', { name: 'Zonder token' }, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.data.reason).toBe('csrf');
    const list = await client.get('/api/v1/customers');
    expect(list.data.items).toEqual([]);
  });

  it('refuses a request from a foreign Origin even with the cookie, and text/plain bodies', async () => {
    const { client, company } = await signUpCompany(t.app);
    const foreign = await client.post(
      '/api/v1/customers',
      { name: 'Evil' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.statusCode).toBe(403);
    const crossSite = await new TestClient(t.app).post(
      '/api/v1/auth/login',
      { login: company.email, password: company.password },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.statusCode).toBe(403);
    const plain = await client.request('POST', '/api/v1/customers', JSON.stringify({ name: 'Plain' }), {
      'content-type': 'text/plain',
    });
    expect(plain.statusCode).toBe(415);
    expect((await client.get('/api/v1/customers')).data.items).toEqual([]);
  });

  it('accepts the same origin', async () => {
    const { client } = await signUpCompany(t.app);
    const res = await client.post(
      '/api/v1/customers',
      { name: 'Zelfde oorsprong' },
      { origin: 'http://localhost:3000' },
    );
    expect(res.statusCode).toBe(201);
  });
});

describe('password sign-in', () => {
  it('gives the same answer for an unknown email and a wrong password, and audits the failure', async () => {
    const { client, company } = await signUpCompany(t.app);
    const wrong = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: company.email,
      password: 'verkeerd-wachtwoord-1',
    });
    const unknown = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: 'nobody@nowhere.be',
      password: 'verkeerd-wachtwoord-1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.data.detail).toBe(unknown.data.detail);
    const log = await client.get('/api/v1/audit-events?action=user.sign_in_failed');
    expect(log.data.items).toHaveLength(1);
    expect(log.data.items[0]).toMatchObject({
      actor: { type: 'anonymous' },
      details: { reason: 'wrong_password' },
    });
    expect(JSON.stringify(log.data)).not.toContain('verkeerd-wachtwoord-1');
  });

  it('accepts the login case-insensitively and the password exactly as typed', async () => {
    const { company } = await signUpCompany(t.app);
    const ok = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: company.email.toUpperCase(),
      password: company.password,
    });
    expect(ok.statusCode).toBe(200);
    const upper = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: company.email,
      password: company.password.toUpperCase(),
    });
    expect(upper.statusCode).toBe(401);
    const trimmed = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: company.email,
      password: `${company.password} `,
    });
    expect(trimmed.statusCode).toBe(401);
  });

  it('limits failed attempts per account, then lets the owner in again after the window', async () => {
    const { company } = await signUpCompany(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // Many different IPs: the per-account limit must hold on its own.
      statuses.push(
        (
          await new TestClient(t.app).post('/api/v1/auth/login', {
            login: company.email,
            password: `fout-${i}-wachtwoord`,
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const blocked = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: company.email,
      password: company.password,
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceMinutes(16);
    const later = await new TestClient(t.app).post('/api/v1/auth/login', {
      login: company.email,
      password: company.password,
    });
    expect(later.statusCode).toBe(200);
  });

  it('limits attempts per IP address', async () => {
    const client = new TestClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      statuses.push(
        (
          await client.post('/api/v1/auth/login', {
            login: `someone${i}@example.be`,
            password: 'whatever-123',
          })
        ).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  });
});
