import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser';
import { useSignedInAdmin } from './support/service-session';

const noChromium = chromiumMissing('the list sorting and edit conflict flows');

type Customer = { id: string; name: string; phone: string | null; notes: string; version: number };

/** The customer names in the table, top to bottom. */
const shownNames = (page: Page) => page.locator('tbody tr th[scope="row"] a').allTextContents();

/** Waits until the table shows exactly these names in this order. */
async function expectNames(page: Page, names: string[]) {
  await expect.poll(() => shownNames(page), { timeout: 10_000 }).toEqual(names);
}

describe.skipIf(noChromium)('sortable lists and lost-update detection', () => {
  const suite = useSignedInAdmin('els@sorteren.example');

  it('sorts the customers by a clicked header, keeps the sort in the URL and exports in that order', async () => {
    const { admin, server } = suite;
    const { context } = admin;
    for (const [name, customerNumber] of [
      ['Bosmans NV', 'K-030'],
      ['Aerts Bakkerij', 'K-010'],
      ['Claes & Co', null],
      ['Dewitte Koeling', 'K-020'],
    ] as const) {
      await admin.api('POST', '/customers', { name, customerNumber, language: 'nl' });
    }
    const page = await context.newPage();
    await page.goto('/app/customers');
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    // The default order (by name) is marked on its header.
    await expectNames(page, ['Aerts Bakkerij', 'Bosmans NV', 'Claes & Co', 'Dewitte Koeling']);
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('ascending');

    // A click sorts by customer number, ascending; a customer without one comes last.
    const numberHeader = page.getByRole('columnheader', { name: 'Customer number' });
    await numberHeader.getByRole('button').click();
    await expectNames(page, ['Aerts Bakkerij', 'Dewitte Koeling', 'Bosmans NV', 'Claes & Co']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('number');
    await expect(numberHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBeNull();

    // Enter on the focused header turns it around.
    await numberHeader.getByRole('button').press('Enter');
    await expectNames(page, ['Bosmans NV', 'Dewitte Koeling', 'Aerts Bakkerij', 'Claes & Co']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-number');
    await expect(numberHeader.getAttribute('aria-sort')).resolves.toBe('descending');

    // A reload keeps the order, and the spreadsheet follows it.
    await page.reload();
    await expectNames(page, ['Bosmans NV', 'Dewitte Koeling', 'Aerts Bakkerij', 'Claes & Co']);
    const href = await page.getByRole('link', { name: 'Export (.xlsx)' }).getAttribute('href');
    expect(new URL(href ?? '', server.url).searchParams.get('sort')).toBe('-number');
    const download = await context.request.get(href ?? '');
    expect(download.ok()).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const nameColumn = (sheet.getRow(1).values as unknown[]).indexOf('Name');
    const exported = sheet.getColumn(nameColumn).values.slice(2);
    expect(exported).toEqual(['Bosmans NV', 'Dewitte Koeling', 'Aerts Bakkerij', 'Claes & Co']);
    await page.close();
  });

  it('refuses an edit someone else overtook, names the customer and loads the latest version on request', async () => {
    const { admin } = suite;
    const customer = await admin.api<Customer>('POST', '/customers', {
      name: 'Maes Slagerij',
      language: 'nl',
      phone: '09 111 11 11',
    });
    const page = await admin.context.newPage();
    await page.goto(`/app/customers/${customer.id}`);
    await page.getByRole('heading', { level: 1, name: 'Maes Slagerij' }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit customer' });
    await dialog.getByRole('textbox', { name: 'Phone' }).fill('09 222 22 22');

    // Meanwhile a colleague changes the same customer.
    const theirs = await admin.api<Customer>('PATCH', `/customers/${customer.id}`, {
      phone: '09 333 33 33',
      notes: 'Changed by a colleague',
    });
    expect(theirs.version).toBe(customer.version + 1);

    const sent = page.waitForRequest((r) => r.method() === 'PATCH');
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect((await sent).postDataJSON()).toEqual({ phone: '09 222 22 22', version: customer.version });
    await dialog
      .getByRole('alert')
      .getByText('Someone else changed the customer “Maes Slagerij” meanwhile')
      .waitFor();
    // What was typed is still there, and nothing was overwritten on the server.
    await expect(dialog.getByRole('textbox', { name: 'Phone' }).inputValue()).resolves.toBe('09 222 22 22');
    const stored = await admin.api<Customer>('GET', `/customers/${customer.id}`);
    expect(stored).toMatchObject({ phone: '09 333 33 33', notes: 'Changed by a colleague', version: 2 });

    // Loading the latest version shows the colleague's change; saving on it then works.
    await dialog.getByRole('button', { name: 'Load the latest version' }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Phone' }).inputValue()).toBe('09 333 33 33');
    await expect(dialog.getByRole('textbox', { name: 'Notes' }).inputValue()).resolves.toBe(
      'Changed by a colleague',
    );
    await dialog.getByRole('textbox', { name: 'Phone' }).fill('09 444 44 44');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = await admin.api<Customer>('GET', `/customers/${customer.id}`);
    expect(saved).toMatchObject({ phone: '09 444 44 44', notes: 'Changed by a colleague', version: 3 });
    await page.close();
  });
});
