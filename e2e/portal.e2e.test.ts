import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser';
import { createInstallation, useSignedInAdmin } from './support/service-session';

const noChromium = chromiumMissing('the customer portal flow');

describe.skipIf(noChromium)('customer portal', () => {
  const suite = useSignedInAdmin('els@koeltechniek.example');

  it('signs in with the code, shows both locations, downloads a work order, its certificate and the verifiable logbook, and notices a new code', async () => {
    const { admin, browser, server } = suite;
    const { api } = admin;

    // The service company: a customer (documents in English) with two locations and the portal on.
    const { customer, installation: coldRoom } = await createInstallation(admin, {
      customer: { name: 'Hotel Zeezicht', language: 'en' },
      location: {
        name: 'Hotel Oostende',
        street: 'Zeedijk',
        number: '12',
        postcode: '8400',
        city: 'Oostende',
      },
      installation: {
        kind: 'refrigeration',
        reference: 'Koelcel keuken',
        refrigerant: 'R-404A',
        chargeKg: 12.5,
        commissionedOn: '2019-04-15',
      },
    });
    await createInstallation(admin, {
      customerId: customer.id,
      location: { street: 'Lippenslaan', number: '200', postcode: '8300', city: 'Knokke-Heist' },
      installation: {
        kind: 'air_conditioning',
        reference: 'Airco lobby',
        refrigerant: 'R-32',
        chargeKg: 4.2,
        commissionedOn: '2022-06-01',
      },
    });
    const workOrder = await api<{ id: string; number: number }>('POST', '/work-orders', {
      installationIds: [coldRoom.id],
      status: 'executed',
      executedOn: '2025-09-10',
      activities: [{ installationId: coldRoom.id, type: 'leak_check', result: 'no_leak', method: 'direct' }],
    });
    // A look at the customer's record, which the portal's transparency page must show.
    await api('GET', `/customers/${customer.id}`);
    const portal = await api<{ code: string; link: string }>(
      'POST',
      `/customers/${customer.id}/portal-code`,
      {},
    );
    expect(portal.link).toBe(`${server.url}/portal#code=${portal.code}`);

    // The end customer opens the link in a Dutch browser: the code is filled in and leaves the address bar.
    const visitor = await browser.newContext({ locale: 'nl-BE', acceptDownloads: true });
    const page = await visitor.newPage();
    await page.goto(portal.link);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden bij het klantenportaal' }).waitFor();
    expect(page.url()).toBe(`${server.url}/portal`);
    await expect(page.getByLabel(/^Autorisatiecode/).inputValue()).resolves.toBe(portal.code);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    // Signed in, the portal switches to the customer's language and shows both locations.
    await page.getByRole('heading', { level: 1, name: 'Your installations' }).waitFor();
    await page.getByRole('banner').getByText('Hotel Zeezicht').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hotel Oostende' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Lippenslaan 200, 8300 Knokke-Heist' }).waitFor();
    const coldRoomCard = page.getByRole('article', { name: 'Koelcel keuken' });
    // 12.5 kg × GWP 3922 = 49.025 t, shown with two decimals.
    await coldRoomCard.getByText('49.03 t CO₂e').waitFor();
    await coldRoomCard.getByText('Leak check', { exact: true }).waitFor();
    await page.getByRole('article', { name: 'Airco lobby' }).waitFor();

    // The installation's logbook, and its work order as a PDF.
    await page.getByRole('link', { name: 'Logbook and work orders of Koelcel keuken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koelcel keuken' }).waitFor();
    await page
      .getByRole('heading', { level: 3, name: `10/09/2025 · Work order ${workOrder.number}` })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download work order ${workOrder.number} as PDF` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`work-order-${workOrder.number}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);

    // The leak check makes a certificate, offered next to the work order, named in the interface language.
    const [certificateDownload] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', {
          name: `Download the leak-check certificate of work order ${workOrder.number} as PDF`,
        })
        .click(),
    ]);
    expect(certificateDownload.suggestedFilename()).toBe(`leak-check-certificate-${workOrder.number}.pdf`);
    const certificate = await readFile((await certificateDownload.path())!);
    expect(certificate.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByRole('alert').filter({ hasText: /\S/ }).count()).resolves.toBe(0);

    // The full logbook as PDF: its digest is shown, and the public page behind the link vouches for it.
    const [logbookDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Logbook as PDF' }).click(),
    ]);
    expect(logbookDownload.suggestedFilename()).toMatch(/^logbook-koelcel-keuken-\d{4}-\d{2}-\d{2}\.pdf$/);
    const logbookPdf = await readFile((await logbookDownload.path())!);
    expect(logbookPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const exported = page.getByRole('status').filter({ hasText: 'Logbook downloaded' });
    const digest = (await exported.getByText(/^[0-9a-f]{64}$/).textContent())!;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const verifyLink = exported.getByRole('link', { name: `${server.url}/verify/${digest}` });
    const [verifyPage] = await Promise.all([visitor.waitForEvent('page'), verifyLink.click()]);
    await verifyPage.waitForLoadState();
    expect(verifyPage.url()).toBe(`${server.url}/verify/${digest}`);
    await verifyPage.getByText('This logbook export is authentic.', { exact: false }).waitFor();
    await verifyPage.getByText('Unchanged since the export.', { exact: false }).waitFor();
    await verifyPage.close();

    // Who at the company consulted the data.
    const nav = page.getByRole('navigation', { name: 'Customer portal' });
    await nav.getByRole('link', { name: 'Who viewed my data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who viewed your data?' }).waitFor();
    await page.getByText('Els Peeters viewed your customer details').waitFor();

    // The company regenerates the code: the open page notices at its next navigation.
    const renewed = await api<{ code: string }>('POST', `/customers/${customer.id}/portal-code`, {});
    expect(renewed.code).not.toBe(portal.code);
    await nav.getByRole('link', { name: 'Installations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the customer portal' }).waitFor();
    await page.getByText('Your session has ended.', { exact: false }).waitFor();

    // The new code opens the portal again.
    await page.getByLabel(/^Authorization code/).fill(renewed.code.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your installations' }).waitFor();
    await visitor.close();
  });
});
