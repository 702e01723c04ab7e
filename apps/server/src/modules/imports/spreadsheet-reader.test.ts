import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSpreadsheet } from './spreadsheet-reader.js';

async function workbook(rows: number, columns: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Export');
  sheet.addRow(Array.from({ length: columns }, (_, c) => `Column ${c + 1}`));
  for (let r = 0; r < rows; r++) sheet.addRow(Array.from({ length: columns }, (_, c) => `${r}:${c}`));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readSpreadsheet', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads every cell of an .xlsx, asking ExcelJS for the column count once, not once per cell', async () => {
    const buffer = await workbook(200, 12);
    const probe = new ExcelJS.Workbook().addWorksheet('probe');
    const prototype = Object.getPrototypeOf(probe) as object;
    // columnCount walks every row: once per cell made reading 10 000 rows quadratic.
    const columnCount = vi.spyOn(prototype as { columnCount: number }, 'columnCount', 'get');
    const sheet = await readSpreadsheet(buffer);
    expect(sheet.headers).toHaveLength(12);
    expect(sheet.rows).toHaveLength(200);
    expect(sheet.rows[199]![11]).toBe('199:11');
    expect(columnCount.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('reads a CSV saved by Excel on Windows (Windows-1252) with its accents, and UTF-8 with or without BOM', async () => {
    const lines = 'Naam;Gemeente;Opmerking\nCafé Léon;Liège;Koelcel 12 m³ – 5 °C\n';
    const cp1252 = Buffer.from(new Uint8Array([...lines].map((c) => windows1252Byte(c))));
    for (const buffer of [cp1252, Buffer.from(lines, 'utf8'), Buffer.from(`\uFEFF${lines}`, 'utf8')]) {
      const sheet = await readSpreadsheet(buffer);
      expect(sheet.headers).toEqual(['Naam', 'Gemeente', 'Opmerking']);
      expect(sheet.rows[0]).toEqual(['Café Léon', 'Liège', 'Koelcel 12 m³ – 5 °C']);
    }
  });
});

/** The Windows-1252 byte of a character (Latin-1 range, plus the en dash at 0x96). */
function windows1252Byte(char: string): number {
  if (char === '–') return 0x96;
  const code = char.charCodeAt(0);
  if (code > 0xff) throw new Error(`not in Windows-1252: ${char}`);
  return code;
}
