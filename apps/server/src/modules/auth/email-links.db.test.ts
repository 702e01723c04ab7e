import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function inviteTechnician(admin: TestClient, email: string, language = 'fr') {
  const res = await admin.post('/api/v1/users', {
    kind: 'person',
    firstName: 'Sophie',
    lastName: 'Lambert',
    email,
    language,
    roles: ['technician'],
    invite: true,
  });
  expect(res.statusCode).toBe(201);
  return res.data as { id: string; status: string };
}

describe('invitations', () => {
  it('emails a link in the invitee’s language that sets a password once, then sign-in works', async () => {
    const { client: admin, company } = await signUpCompany(t.app);
    const email = `sophie.${Date.now()}@lambert-hvac.be`;
    const user = await inviteTechnician(admin, email);
    expect(user.status).toBe('invited');

    const mails = await t.mails();
    const mail = mails.find((m) => m.to.includes(email))!;
    expect(mail.subject).toContain('Invitation à rejoindre');
    expect(mail.subject).toContain(company.companyName);
    expect(mail.text).toContain('7 jours');
    const token = linkToken(mails, email, 'invitation');

    const visitor = new TestClient(t.app);
    const check = await visitor.post('/api/v1/auth/invitations/check', { token });
    expect(check.statusCode).toBe(200);
    expect(check.data).toMatchObject({
      email,
      firstName: 'Sophie',
      accountName: company.companyName,
      language: 'fr',
    });

    const weak = await visitor.post('/api/v1/auth/invitations/accept', { token, password: 'Sophie123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.data.errors[0].field).toBe('password');

    const accepted = await visitor.post('/api/v1/auth/invitations/accept', {
      token,
      password: 'zonnige-fjord-wandelt-77',
    });
    expect(accepted.statusCode).toBe(204);
    const again = await visitor.post('/api/v1/auth/invitations/accept', {
      token,
      password: 'zonnige-fjord-wandelt-78',
    });
    expect(again.statusCode).toBe(410);
    expect(again.data.reason).toBe('used');
    expect(again.data.detail).toMatch(/already been used/);

    const login = await visitor.post('/api/v1/auth/login', {
      login: email,
      password: 'zonnige-fjord-wandelt-77',
    });
    expect(login.statusCode).toBe(200);
    expect(login.data.user.roles).toEqual(['technician']);
    expect(login.data.abilities).toMatchObject({
      manageUsers: false,
      viewAuditLog: false,
      viewCustomers: true,
      exportData: false,
    });

    const audit = await admin.get(`/api/v1/audit-events?entityId=${user.id}`);
    expect(audit.data.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.created', 'user.invited', 'user.invitation_accepted', 'user.signed_in']),
    );
  });

  it('says clearly when the link expired (after 7 days) or was replaced by a newer one', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const email = `late.${Date.now()}@lambert-hvac.be`;
    const user = await inviteTechnician(admin, email, 'nl');
    const first = linkToken(await t.mails(), email, 'invitation');
    const resend = await admin.post(`/api/v1/users/${user.id}/invitation`);
    expect(resend.statusCode).toBe(200);
    const second = linkToken(await t.mails(), email, 'invitation');
    expect(second).not.toBe(first);

    const replaced = await new TestClient(t.app).post('/api/v1/auth/invitations/check', { token: first });
    expect(replaced.statusCode).toBe(410);
    expect(replaced.data.reason).toBe('replaced');

    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    const expired = await new TestClient(t.app).post('/api/v1/auth/invitations/accept', {
      token: second,
      password: 'zonnige-fjord-wandelt-77',
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.data.reason).toBe('expired');
    expect(expired.data.detail).toMatch(/expired/);

    const bogus = await new TestClient(t.app).post('/api/v1/auth/invitations/check', {
      token: 'x'.repeat(43),
    });
    expect(bogus.statusCode).toBe(404);
    expect(bogus.data.reason).toBe('invalid');
  });
});

describe('forgotten password', () => {
  it('mails a one-hour, single-use link; the new password works and every session ends', async () => {
    const { client: admin, company } = await signUpCompany(t.app);
    const visitor = new TestClient(t.app);
    expect((await visitor.post('/api/v1/auth/password-reset', { email: company.email })).statusCode).toBe(
      202,
    );
    const mails = await t.mails();
    const mail = [...mails].reverse().find((m) => m.to.includes(company.email))!;
    expect(mail.subject).toBe('Je wachtwoord voor Climalog opnieuw instellen');
    expect(mail.text).toContain('60 minuten');
    const token = linkToken(mails, company.email, 'reset-password');

    const confirm = await visitor.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'nieuwe-lente-in-gent-2026',
    });
    expect(confirm.statusCode).toBe(204);
    expect((await admin.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (
        await visitor.post('/api/v1/auth/password-reset/confirm', {
          token,
          password: 'nog-een-keer-proberen-9',
        })
      ).data.reason,
    ).toBe('used');
    expect(
      (await visitor.post('/api/v1/auth/login', { login: company.email, password: company.password }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await visitor.post('/api/v1/auth/login', {
          login: company.email,
          password: 'nieuwe-lente-in-gent-2026',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const before = (await t.mails()).length;
    const res = await new TestClient(t.app).post('/api/v1/auth/password-reset', {
      email: 'niemand@nergens.be',
    });
    expect(res.statusCode).toBe(202);
    expect((await t.mails()).length).toBe(before);
  });

  it('expires after one hour', async () => {
    const { company } = await signUpCompany(t.app);
    await new TestClient(t.app).post('/api/v1/auth/password-reset', { email: company.email });
    const token = linkToken(await t.mails(), company.email, 'reset-password');
    t.clock.advanceMinutes(61);
    const res = await new TestClient(t.app).post('/api/v1/auth/password-reset/check', { token });
    expect(res.statusCode).toBe(410);
    expect(res.data.reason).toBe('expired');
  });

  it('limits reset requests per address', async () => {
    const { company } = await signUpCompany(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await new TestClient(t.app).post('/api/v1/auth/password-reset', { email: company.email }))
          .statusCode,
      );
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});

describe('changing the password', () => {
  it('needs the current password, applies the policy and ends the other sessions only', async () => {
    const { client, company } = await signUpCompany(t.app);
    const otherDevice = new TestClient(t.app);
    await otherDevice.post('/api/v1/auth/login', { login: company.email, password: company.password });

    const wrong = await client.post('/api/v1/me/password', {
      currentPassword: 'niet-het-juiste-1',
      newPassword: 'blauwe-reiger-vist-31',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.data.errors[0].field).toBe('currentPassword');
    const weak = await client.post('/api/v1/me/password', {
      currentPassword: company.password,
      newPassword: '11111111',
    });
    expect(weak.data.errors[0]).toMatchObject({ field: 'newPassword', code: 'password_digits_only' });

    const ok = await client.post('/api/v1/me/password', {
      currentPassword: company.password,
      newPassword: 'blauwe-reiger-vist-31',
    });
    expect(ok.statusCode).toBe(204);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await otherDevice.get('/api/v1/me')).statusCode).toBe(401);
  });
});
