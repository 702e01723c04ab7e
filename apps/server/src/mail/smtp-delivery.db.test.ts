import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { signUpCompany, TestClient } from '../test-support/test-client.js';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP listener on loopback, as a mail server would be. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: 'Climalog <no-reply@climalog.test>',
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
});

describe('mail over SMTP', () => {
  it('delivers the invitation through SMTP_URL, in the recipient’s language, without a local outbox', async () => {
    const { client } = await signUpCompany(t.app);
    const email = `lena.${Date.now()}@kaelte-schmidt.de`;
    await client.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Lena',
      lastName: 'Schmidt',
      email,
      language: 'de',
      roles: ['technician'],
      invite: true,
    });
    await t.deps.jobs.drain();
    const mail = smtp.received.find((m) => m.to.includes(email))!;
    expect(mail.from).toBe('no-reply@climalog.test');
    expect(mail.raw).toMatch(/Subject: Einladung zu/);
    expect((await PostalMime.parse(mail.raw)).text).toContain('/app/invitation#token=');
    expect(await t.mails()).toEqual([]);
    expect((await new TestClient(t.app).get('/api/v1/auth/config')).data.mailMode).toBe('smtp');
  });

  it('keeps a message when the SMTP server is down, to retry it later', async () => {
    const down = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const { company } = await signUpCompany(down.app);
      await new TestClient(down.app).post('/api/v1/auth/password-reset', { email: company.email });
      await down.deps.jobs.drain();
      const [job] = await down.deps.db.query<{
        state: string;
        delayed: boolean;
        output: { message: string };
      }>(
        `select state, start_after > now() as delayed, output from pgboss.job where name = 'email.send' order by created_on desc limit 1`,
      );
      expect(job).toMatchObject({ state: 'retry', delayed: true });
      expect(job!.output.message).toMatch(/ECONNREFUSED|connect/);
    } finally {
      await down.close();
    }
  });
});
