import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../../test-support/test-client.js';
import { runSend } from './work-order-send.service.js';

let t: TestApp;
let admin: TestClient;
let smtp: SMTPServer;
const received: string[] = [];
const envelopes: string[][] = [];
let installationId: string;
let workOrderId: string;
let tenantId: string;

async function pdfText(body: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
  return text as string;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      envelopes.push(session.envelope.rcptTo.map((r) => r.address));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
  const signed = await signUpCompany(t.app);
  admin = signed.client;
  tenantId = signed.session.account.id;
  await admin.patch('/api/v1/settings', {
    companyName: 'Froid Service Liège',
    bccAddresses: ['archive@froid.be'],
    certificates: [{ kind: 'Certificat F-gaz', number: 'WAL-77' }],
  });
  const customerId = (await admin.post('/api/v1/customers', { name: 'Boulangerie Ça Va', language: 'fr' }))
    .data.id;
  const locationId = (
    await admin.post('/api/v1/locations', {
      customerId,
      street: 'Rue de l’Église',
      number: '3',
      postcode: '4000',
      city: 'Liège',
    })
  ).data.id;
  installationId = (
    await admin.post('/api/v1/installations', {
      locationId,
      kind: 'refrigeration',
      reference: 'Chambre froide',
      refrigerant: 'R-404A',
      chargeKg: 10,
      commissionedOn: '2022-01-10',
      hermeticallySealed: false,
      leakDetectionSystem: false,
    })
  ).data.id;
  workOrderId = (
    await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      status: 'executed',
      executedOn: '2026-11-20',
      notes: 'Volume 3 m³',
      activities: [
        { installationId, type: 'leak_check', result: 'no_leak', method: 'direct' },
        { installationId, type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 1.5 },
      ],
    })
  ).data.id;
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const download = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie! } });

describe('documents', () => {
  it('renders the work order in the customer’s language, or another on request', async () => {
    const fr = await download(`/api/v1/work-orders/${workOrderId}/document`);
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    expect(fr.headers['content-disposition']).toMatch(/^attachment; filename="bon-de-travail-1\.pdf"$/);
    const text = await pdfText(fr.rawPayload);
    expect(text).toContain('Bon de travail 1');
    expect(text).toContain("Contrôle d'étanchéité");
    expect(text).toContain('Boulangerie Ça Va');
    expect(text).toContain('WAL-77');
    expect(text).toContain('1,5 kg (5,88 t CO₂e)');
    const de = await pdfText(
      (await download(`/api/v1/work-orders/${workOrderId}/document?lang=de`)).rawPayload,
    );
    expect(de).toContain('Arbeitsauftrag 1');
    expect((await download(`/api/v1/work-orders/${workOrderId}/document?lang=es`)).statusCode).toBe(400);
  });

  it('prints a leak-check certificate with the next due date, but not for planned work', async () => {
    const res = await download(`/api/v1/work-orders/${workOrderId}/certificates/leak_check`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain("Attestation de contrôle d'étanchéité");
    expect(text).toContain('Prochain contrôle');
    expect((await download(`/api/v1/work-orders/${workOrderId}/certificates/heating_audit`)).statusCode).toBe(
      404,
    );
    const planned = (
      await admin.post('/api/v1/work-orders', {
        installationIds: [installationId],
        activities: [{ installationId, type: 'leak_check' }],
      })
    ).data.id;
    expect((await download(`/api/v1/work-orders/${planned}/certificates/leak_check`)).statusCode).toBe(409);
  });

  it('prints the instruction card with the portal link of the installation', async () => {
    const res = await download(`/api/v1/installations/${installationId}/instruction-card?lang=nl`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Instructiekaart');
    expect(text).toContain('http://localhost:3000/portal?token=');
  });
});

describe('verifiable logbook exports', () => {
  it('carry a chained digest that the public verification checks, and notices later corrections', async () => {
    const first = await download(`/api/v1/installations/${installationId}/logbook/export`);
    expect(first.statusCode).toBe(200);
    const digest = first.headers['x-logbook-digest'] as string;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await pdfText(first.rawPayload)).toContain(digest);

    const xlsx = await download(`/api/v1/installations/${installationId}/logbook/export?format=xlsx`);
    const second = xlsx.headers['x-logbook-digest'] as string;
    expect(second).not.toBe(digest);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(second);
    const [row] = await t.deps.db.query<{ previous_digest: string }>(
      'select previous_digest from logbook_exports where digest = $1',
      [second],
    );
    expect(row!.previous_digest).toBe(digest);

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/logbook-verifications/${digest}` });
    expect(anonymous.json()).toMatchObject({ valid: true, entryCount: 2, unchangedSinceExport: true });
    expect(anonymous.body).not.toContain('Boulangerie');
    const page = await t.app.inject({ method: 'GET', url: `/verify/${digest}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('authentic');

    await admin.patch(`/api/v1/work-orders/${workOrderId}`, {
      activities: [{ installationId, type: 'leak_check', result: 'leak_found', method: 'direct' }],
    });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/logbook-verifications/${digest}` })).json()
        .unchangedSinceExport,
    ).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: `/verify/${'0'.repeat(64)}` })).statusCode).toBe(404);
  });
});

describe('sending a work order', () => {
  it('mails the PDF in the customer’s language with the settings’ BCC, and records the send', async () => {
    const res = await admin.post(`/api/v1/work-orders/${workOrderId}/send`, {
      to: ['client@boulangerie.be'],
    });
    expect(res.statusCode).toBe(202);
    expect(res.data).toMatchObject({
      status: 'queued',
      to: ['client@boulangerie.be'],
      bcc: ['archive@froid.be'],
      language: 'fr',
    });
    await t.deps.jobs.drain();
    const mail = await PostalMime.parse(received.at(-1)!);
    expect(mail.subject).toBe('Bon de travail 1 de Froid Service Liège');
    expect(mail.text).toContain('Boulangerie Ça Va');
    expect(mail.attachments[0]).toMatchObject({ filename: '1.pdf', mimeType: 'application/pdf' });
    // BCC travels in the SMTP envelope only, never in a header the customer sees.
    expect(envelopes.at(-1)).toEqual(['client@boulangerie.be', 'archive@froid.be']);
    expect(received.at(-1)).not.toMatch(/archive@froid/i);
    const sends = await admin.get(`/api/v1/work-orders/${workOrderId}/sends`);
    expect(sends.data.items[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
      subject: 'Bon de travail 1 de Froid Service Liège',
    });
  });

  it('uses a chosen email template with placeholders', async () => {
    const settings = await admin.patch('/api/v1/settings', {
      emailTemplates: [
        {
          language: 'nl',
          name: 'Kort',
          subject: 'Uw werkbon {workOrderNumber}',
          body: 'Dag {customerName}, zie bijlage. {companyName}',
        },
      ],
    });
    const templateId = settings.data.emailTemplates[0].id;
    await admin.post(`/api/v1/work-orders/${workOrderId}/send`, { to: ['a@b.be'], templateId, lang: 'nl' });
    await t.deps.jobs.drain();
    const mail = await PostalMime.parse(received.at(-1)!);
    expect(mail.subject).toBe('Uw werkbon 1');
    expect(mail.text).toContain('Dag Boulangerie Ça Va, zie bijlage. Froid Service Liège');
  });

  it('refuses bad recipients naming each, too many, and another account’s work order', async () => {
    const bad = await admin.post(`/api/v1/work-orders/${workOrderId}/send`, {
      to: ['ok@b.be', 'nope', 'also bad'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors.map((e: { field: string }) => e.field)).toEqual(['to.1', 'to.2']);
    const many = await admin.post(`/api/v1/work-orders/${workOrderId}/send`, {
      to: Array.from({ length: 51 }, (_, i) => `x${i}@b.be`),
    });
    expect(many.data.errors[0].field).toBe('to');
    const other = (await signUpCompany(t.app)).client;
    expect((await other.post(`/api/v1/work-orders/${workOrderId}/send`, { to: ['x@b.be'] })).statusCode).toBe(
      404,
    );
  });

  it('keeps a send queued while the mail server is down, then marks it failed after the last attempt', async () => {
    const res = await admin.post(`/api/v1/work-orders/${workOrderId}/send`, { to: ['down@b.be'] });
    const original = t.deps.mailer.send;
    t.deps.mailer.send = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    try {
      await expect(runSend(t.deps, tenantId, res.data.id)).rejects.toThrow('ECONNREFUSED');
      let sends = await admin.get(`/api/v1/work-orders/${workOrderId}/sends`);
      expect(sends.data.items.find((s: { id: string }) => s.id === res.data.id)).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: 'connect ECONNREFUSED',
      });
      for (let i = 0; i < 4; i++) await runSend(t.deps, tenantId, res.data.id).catch(() => undefined);
      sends = await admin.get(`/api/v1/work-orders/${workOrderId}/sends`);
      expect(sends.data.items.find((s: { id: string }) => s.id === res.data.id)).toMatchObject({
        status: 'failed',
        attempts: 5,
      });
    } finally {
      t.deps.mailer.send = original;
    }
  });
});
