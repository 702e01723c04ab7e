import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser';
import { waitForParsedMail } from './support/outbox';
import { createInstallation, useSignedInAdmin } from './support/service-session';

const RECIPIENT = 'onthaal@bakkerij-janssens.example';
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

const noChromium = chromiumMissing('the work order documents flow');

describe.skipIf(noChromium)('work order documents: PDF download and sending by email', () => {
  const suite = useSignedInAdmin('els@koeltechniek.example');

  it('downloads the PDF of an executed work order and mails it with the PDF attached', async () => {
    const { admin, server } = suite;

    // 1. A customer, a location, an installation and an executed work order, through the API.
    const { installation } = await createInstallation(admin, { customer: { language: 'nl' } });
    const workOrder = await admin.api<{ id: string; number: number }>('POST', '/work-orders', {
      installationIds: [installation.id],
      status: 'executed',
      executedOn: new Date().toISOString().slice(0, 10),
      plannedOn: null,
      executorId: null,
      notes: '',
      activities: [{ type: 'leak_check', installationId: installation.id, result: 'no_leak' }],
      labelIds: [],
      products: [],
      signatures: [],
    });

    // 2. The work order page offers its PDF (in the customer's language, Dutch) and a certificate.
    const page = await admin.context.newPage();
    await page.goto(`/app/work-orders/${workOrder.id}`);
    await page.getByRole('heading', { level: 1, name: `Work order ${workOrder.number}` }).waitFor();
    const documents = page.getByRole('region', { name: 'Documents' });
    const language = documents.getByRole('combobox', { name: 'Document language' });
    await expect.poll(() => language.inputValue()).toBe('Dutch (customer’s language)');
    await documents.getByRole('button', { name: 'Leak check' }).waitFor();

    // 3. Download the PDF: the answer is application/pdf and the saved file starts with %PDF-.
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/v1/work-orders/${workOrder.id}/document`)),
      page.waitForEvent('download'),
      documents.getByRole('button', { name: 'Work order (PDF)' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(new URL(response.url()).searchParams.get('lang')).toBe('nl');
    // Chromium does not hand the bytes of an attachment response to the test: the saved file has them.
    expect(download.suggestedFilename()).toBe(`werkbon-${workOrder.number}.pdf`);
    expect(isPdf(await readFile((await download.path())!))).toBe(true);

    // 4. Send it: a wrong address is refused before anything goes out, then a good one is sent.
    await documents.getByRole('button', { name: 'Send by email' }).click();
    const dialog = page.getByRole('dialog', { name: `Send work order ${workOrder.number}` });
    const recipients = dialog.getByLabel(/^Recipients/);
    await recipients.fill('not-an-address');
    await recipients.press('Enter');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.getByText('Not a valid email address: not-an-address').waitFor();
    // Backspace in the empty input removes the last address.
    await recipients.press('Backspace');
    await expect.poll(() => dialog.getByText('not-an-address').count()).toBe(0);
    await recipients.fill(RECIPIENT);
    await recipients.press('Enter');
    await dialog.getByText('No email template in this language (Dutch)', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // 5. The history shows the send, queued first and then sent (it refreshes by itself).
    const history = documents.getByRole('table', { name: 'Emails sent' });
    await history.getByRole('cell', { name: RECIPIENT }).waitFor();
    await history.getByText('Sent', { exact: true }).waitFor({ timeout: 30_000 });

    // 6. The mail in DATA_DIR/outbox carries the work order PDF.
    const mail = await waitForParsedMail(server.dataDir, RECIPIENT);
    expect(mail.subject).toContain(String(workOrder.number));
    const pdf = mail.attachments.find((a) => a.mimeType === 'application/pdf');
    expect(pdf?.filename).toBe(`${workOrder.number}.pdf`);
    const content = pdf?.content;
    const bytes =
      typeof content === 'string'
        ? Buffer.from(content, 'base64')
        : new Uint8Array(content ?? new ArrayBuffer(0));
    expect(isPdf(bytes)).toBe(true);
    await page.close();
  });
});
