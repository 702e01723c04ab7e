import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser';
import { useSignedInAdmin } from './support/service-session';

const noChromium = chromiumMissing('the logbook and cylinder flow');

/** Mantine marks required inputs with " *" in the label, hence the anchored patterns. */
const label = (text: string) => new RegExp(`^${text}`);

/** Today as dd/mm/yyyy, the way the date fields are typed. */
function today(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

async function choose(
  page: Page,
  scope: Page | ReturnType<Page['locator']>,
  name: RegExp | string,
  option: string,
) {
  await scope.getByRole('combobox', { name }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(noChromium)('customer → location → installation → executed work order', () => {
  const suite = useSignedInAdmin('els@koeltechniek.example');

  it('records a leak check and 1.2 kg R-410A from a supply cylinder in the logbook and the cylinder', async () => {
    const { admin } = suite;
    const cylinder = await admin.api<{ id: string; contentKg: number }>('POST', '/cylinders', {
      kind: 'supply',
      refrigerant: 'R-410A',
      serialNumber: 'CYL-E2E',
      capacityKg: 12.5,
      contentKg: 10,
    });
    const page = await admin.context.newPage();

    // 1. A customer, from the list, and its detail page.
    await page.goto('/app/customers');
    await page.getByRole('button', { name: 'Add customer' }).click();
    const customerDialog = page.getByRole('dialog', { name: 'Add customer' });
    await customerDialog.getByLabel(label('Name')).fill('Bakkerij Janssens');
    await customerDialog.getByLabel(label('Customer number')).fill('K-001');
    await customerDialog.getByRole('button', { name: 'Save' }).click();
    await customerDialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Bakkerij Janssens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bakkerij Janssens' }).waitFor();

    // 2. A location in Ghent: the region follows the postcode while typing.
    await page.getByRole('button', { name: 'Add location' }).click();
    const locationDialog = page.getByRole('dialog', { name: 'Add location' });
    await locationDialog.getByLabel(label('Street')).fill('Kerkstraat');
    await locationDialog.getByLabel(label('Number')).fill('12');
    await locationDialog.getByLabel(label('Postcode')).fill('9000');
    await locationDialog.getByLabel(label('City')).fill('Gent');
    await locationDialog.getByText('From the postcode: Flanders').waitFor();
    await locationDialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/app/locations/*');
    await page.getByRole('heading', { level: 1, name: 'Kerkstraat 12, 9000 Gent' }).waitFor();

    // 3. An R-410A air conditioner at that location.
    await page.getByRole('link', { name: 'Add installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add installation' }).waitFor();
    await choose(page, page, 'Kind', 'Air conditioning');
    await page.getByLabel(label('Reference')).fill('Split 1');
    await page.getByRole('combobox', { name: 'Refrigerant' }).fill('R-410A');
    await page.getByRole('option', { name: 'R-410A', exact: true }).click();
    await page.getByLabel(label('Nominal charge')).fill('12.5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Split 1' }).waitFor();
    const installationUrl = page.url();

    // 4. An executed work order: leak check without leak, 1.2 kg added from the cylinder.
    await page.getByRole('link', { name: 'New work order' }).click();
    await page.getByRole('heading', { level: 1, name: 'New work order' }).waitFor();
    await page.getByText('Split 1', { exact: true }).first().waitFor();
    // The segmented control's radios are visually hidden: click the visible label.
    await page.locator('label', { hasText: /^Executed$/ }).click();
    await expect(page.getByRole('radio', { name: 'Executed', exact: true }).isChecked()).resolves.toBe(true);
    await page.getByLabel(label('Executed on')).fill(today());
    await choose(page, page, 'Activity', 'Leak check');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const leakCheck = page.getByRole('group', { name: 'Leak check — Split 1' });
    await choose(page, leakCheck, 'Result', 'No leak');
    await choose(page, page, 'Activity', 'Refrigerant added');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const added = page.getByRole('group', { name: 'Refrigerant added — Split 1' });
    await added.getByLabel(label('Quantity')).fill('1.2');
    await added.getByRole('combobox', { name: 'From cylinder' }).click();
    await page.getByRole('option', { name: /CYL-E2E/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Work order 1 saved.').waitFor();

    // 5. The installation's logbook shows both activities.
    await page.goto(installationUrl);
    const logbook = page.getByRole('region', { name: 'Logbook' });
    await logbook.getByRole('link', { name: 'Work order 1' }).waitFor();
    await logbook.getByText(/No leak/).waitFor();
    await logbook.getByText(/1\.2 kg R-410A/).waitFor();

    // 6. The cylinder's content dropped by 1.2 kg: in the inventory and through the API.
    await page.goto('/app/inventory?tab=cylinders');
    const row = page.getByRole('row').filter({ hasText: 'CYL-E2E' });
    await row.getByText('8.8 kg / 12.5 kg').waitFor();
    const after = await admin.api<{ contentKg: number; movements: { deltaKg: number }[] }>(
      'GET',
      `/cylinders/${cylinder.id}`,
    );
    expect(after.contentKg).toBeCloseTo(cylinder.contentKg - 1.2, 6);
    expect(after.movements.map((m) => m.deltaKg)).toEqual([-1.2]);
    await page.close();
  });
});
