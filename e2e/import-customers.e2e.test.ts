import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/browser';
import { useSignedInAdmin } from './support/service-session';

const noChromium = chromiumMissing('the import wizard flow');

const ROWS = 200;

/** A customers workbook with Dutch column names, as an office would export it. */
async function customersWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Klanten');
  sheet.addRow(['Naam', 'Klantnummer', 'E-mail', 'Taal']);
  for (let i = 1; i <= ROWS; i++) {
    sheet.addRow([
      `Klant ${i}`,
      `IMP-${String(i).padStart(3, '0')}`,
      `klant${i}@example.be`,
      i % 2 ? 'nl' : 'fr',
    ]);
  }
  await workbook.xlsx.writeFile(path);
}

describe.skipIf(noChromium)('import wizard', () => {
  const suite = useSignedInAdmin('els@import.example');
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'climalog-import-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports 200 customers from a spreadsheet, following the progress bar to 100 %', async () => {
    const file = join(dir, 'klanten.xlsx');
    await customersWorkbook(file);
    const { admin } = suite;
    const page = await admin.context.newPage();
    await page.goto('/app/imports');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();

    // 1. Kind (customers is the default) and the file.
    await page.getByRole('radio', { name: 'Customers', exact: true }).check({ force: true });
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Show preview' }).click();

    // 2. The preview: every row valid, the Dutch headers mapped to the fields.
    await page.getByText(`${ROWS} rows`, { exact: true }).waitFor();
    await page.getByText(`${ROWS} valid`, { exact: true }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Name', exact: true }).inputValue()).resolves.toBe(
      '1. Naam',
    );
    await expect(page.getByRole('combobox', { name: 'Customer number' }).inputValue()).resolves.toBe(
      '2. Klantnummer',
    );
    await page.getByRole('cell', { name: 'Klant 1', exact: true }).waitFor();
    await page.getByRole('button', { name: `Import ${ROWS} rows` }).click();

    // 3. The progress bar follows the background job until it reaches 100 %.
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    const seen = new Set<number>();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = Number(await bar.getAttribute('aria-valuenow'));
      seen.add(value);
      if (value === 100) break;
      if (Date.now() > deadline) throw new Error(`The progress bar stopped at ${value} %.`);
      await page.waitForTimeout(50);
    }
    await page.getByTestId('import-percent').getByText('100 %').waitFor();
    expect([...seen].every((v) => v >= 0 && v <= 100)).toBe(true);

    // 4. The summary: 200 created, nothing updated or failed.
    await page.getByTestId('import-summary').getByText(`${ROWS} created, 0 updated, 0 failed.`).waitFor();
    const list = await admin.api<{ items: unknown[] }>('GET', '/customers?q=Klant&limit=200');
    expect(list.items).toHaveLength(ROWS);
    await page.close();
  });
});
