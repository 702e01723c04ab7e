import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { zipArchive } from '../../apps/server/src/test-support/zip';
import { NASTY_STRINGS, TINY_PNG_BASE64 } from './fuzz-values';

/**
 * Hostile files for the upload routes: broken and hostile .xlsx workbooks and zip bombs, odd CSV,
 * and for attachments and signatures SVG, HTML and polyglots that start like an image or a PDF.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TINY_PNG = Buffer.from(TINY_PNG_BASE64, 'base64');
const MB = 1024 * 1024;

/** A real workbook with the given rows, as ExcelJS writes it. */
export async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Klanten');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** File names that try to climb out of the storage directory or fool whoever reads them. */
export const hostileFilename = (marker: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      `../../${marker}.png`,
      `../../../../../../tmp/${marker}.png`,
      `..\\..\\${marker}.png`,
      `/etc/${marker}`,
      `%2e%2e%2f${marker}.png`,
      `${marker}\u0000.png`,
      `invoice\u202efdp.exe`,
      'CON.png',
      '.htaccess',
      'a'.repeat(300),
      'foto.png.html',
      'ünïcødé 🧊.png',
      'plan "quoted"; filename=evil.html',
      'line\r\nContent-Type: text/html',
      '',
    ),
    fc.constantFrom(...NASTY_STRINGS),
  );

const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>',
);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** Bytes that are not the photo or PDF they may claim to be (and a few that are). */
export const attachmentBody: fc.Arbitrary<{ name: string; bytes: Buffer }> = fc.oneof(
  fc.constantFrom(
    { name: 'svg', bytes: SVG },
    { name: 'html', bytes: HTML },
    { name: 'gif-html polyglot', bytes: Buffer.concat([Buffer.from('GIF89a/*'), HTML]) },
    { name: 'png header + html', bytes: Buffer.concat([TINY_PNG.subarray(0, 16), HTML]) },
    { name: 'png + trailing html', bytes: Buffer.concat([TINY_PNG, HTML]) },
    { name: 'jpeg header + svg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), SVG]) },
    {
      name: 'pdf with javascript',
      bytes: Buffer.from('%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF'),
    },
    { name: 'pdf + html', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), HTML]) },
    { name: 'webp header only', bytes: Buffer.from('RIFF\u0010\u0000\u0000\u0000WEBPVP8 ') },
    { name: 'empty', bytes: Buffer.alloc(0) },
    { name: 'png', bytes: TINY_PNG },
    { name: 'pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF') },
    { name: 'zip', bytes: zipArchive([{ name: 'a.html', data: HTML }]) },
  ),
  fc.uint8Array({ maxLength: 4096 }).map((b) => ({ name: 'random bytes', bytes: Buffer.from(b) })),
  fc
    .tuple(
      fc.constantFrom(TINY_PNG, Buffer.from('%PDF-1.4\n%%EOF')),
      fc.nat(),
      fc.integer({ min: 0, max: 255 }),
    )
    .map(([base, at, byte]) => {
      const bytes = Buffer.from(base);
      bytes[at % bytes.length] = byte;
      return { name: 'flipped byte', bytes };
    }),
);

export const attachmentContentType = fc.constantFrom(
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/pdf',
  'application/octet-stream',
  'image/svg+xml',
  'text/html',
  'image/gif',
  'multipart/form-data; boundary=x',
  'application/json',
);

/** A signature (or logo) data URL whose content is not the PNG it claims to be. */
export const fakePngDataUrl: fc.Arbitrary<{ name: string; url: string }> = fc
  .constantFrom(
    { name: 'svg', bytes: SVG },
    { name: 'html', bytes: HTML },
    { name: 'gif polyglot', bytes: Buffer.concat([Buffer.from('GIF89a/*'), HTML]) },
    { name: 'jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
    { name: 'short', bytes: Buffer.from([0x89, 0x50]) },
  )
  .map(({ name, bytes }) => ({ name, url: `data:image/png;base64,${bytes.toString('base64')}` }));

/** One import upload: its content type and bytes, and what kind of trouble it is. */
export type ImportFile = { name: string; type: string; bytes: Buffer };

export async function importFiles(): Promise<fc.Arbitrary<ImportFile>> {
  const good = await workbook([
    ['Naam', 'Klantnummer', 'Ondernemingsnummer', 'Taal', 'E-mail'],
    ['Bakkerij Peeters', 'K-001', '0417.497.106', 'nl', 'info@peeters.be'],
    ['Boulangerie Dubois', 'K-002', '', 'fr', 'contact@dubois.be'],
  ]);
  const hostile = await workbook([
    ['Naam', 'Klantnummer', '__proto__', 'constructor'],
    ...NASTY_STRINGS.filter((s) => !/[\ud800-\udfff]/.test(s)).map((s, i) => [
      s,
      `=HYPERLINK("http://x/${i}")`,
      s,
      { formula: 'SUM(1,1)', result: 2 },
    ]),
  ]);
  const wide = await workbook([Array.from({ length: 150 }, (_, i) => `Kolom ${i}`)]);
  // Honest zip bombs (the headers say how big) and lying ones (they claim little).
  const spaces = Buffer.alloc(60 * MB, 0x20);
  const honestBomb = zipArchive([{ name: 'xl/worksheets/sheet1.xml', data: spaces }]);
  const lyingBomb = zipArchive([{ name: 'xl/worksheets/sheet1.xml', data: spaces, declaredSize: 500_000 }]);
  const manyEntries = zipArchive(
    Array.from({ length: 600 }, (_, i) => ({ name: `xl/p${i}.xml`, data: Buffer.from('<a/>') })),
  );
  const traversal = zipArchive([
    { name: '../../../../tmp/climalog-zip-slip.xml', data: Buffer.from('<a/>') },
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  ]);
  const csv = (text: string) => ({ type: 'text/csv', bytes: Buffer.from(text) });

  return fc.oneof(
    fc.constantFrom<ImportFile>(
      { name: 'good xlsx', type: XLSX_TYPE, bytes: good },
      { name: 'hostile cells xlsx', type: XLSX_TYPE, bytes: hostile },
      { name: '150 columns xlsx', type: XLSX_TYPE, bytes: wide },
      { name: 'honest zip bomb', type: XLSX_TYPE, bytes: honestBomb },
      { name: 'lying zip bomb', type: XLSX_TYPE, bytes: lyingBomb },
      { name: '600-entry zip', type: XLSX_TYPE, bytes: manyEntries },
      { name: 'zip-slip entry names', type: XLSX_TYPE, bytes: traversal },
      { name: 'xlsx sent as csv', type: 'text/csv', bytes: good },
      { name: 'PK header only', type: XLSX_TYPE, bytes: Buffer.from('PK\u0003\u0004') },
      { name: 'empty', type: 'text/csv', bytes: Buffer.alloc(0) },
      { name: 'csv with BOM', ...csv('\ufeffNaam;E-mail\nPeeters;p@x.be\n') },
      { name: 'csv unbalanced quotes', ...csv('Naam,E-mail\n"Peeters,p@x.be\n"a""b,c\n') },
      { name: 'csv NUL bytes', ...csv('Naam\u0000,E\u0000\nA\u0000B,c\n') },
      { name: 'csv 150 columns', ...csv(`${Array.from({ length: 150 }, (_, i) => `k${i}`).join(',')}\n`) },
      { name: 'csv one huge line', ...csv(`Naam\n${'x'.repeat(3 * MB)}\n`) },
      { name: 'csv formulas', ...csv('Naam;Nummer\n=cmd|"/c calc"!A1;@SUM(1)\n+1;-1\n') },
      { name: 'csv lone CR line ends', ...csv('Naam\rA\rB\r') },
      { name: 'utf-16 csv', type: 'text/csv', bytes: Buffer.from('\ufeffNaam\nPeeters\n', 'utf16le') },
      { name: 'csv as octet-stream', type: 'application/octet-stream', bytes: Buffer.from('Naam\nA\n') },
      { name: 'json', type: 'application/json', bytes: Buffer.from('{"rows":[]}') },
      { name: 'svg', type: 'image/svg+xml', bytes: SVG },
      { name: 'oversized csv', type: 'text/csv', bytes: Buffer.alloc(11 * MB, 0x41) },
    ),
    // A good workbook cut short, or with bytes flipped.
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([at, byte, cut]) => {
      const bytes = cut ? good.subarray(0, at % good.length) : Buffer.from(good);
      if (!cut) bytes[at % bytes.length] = byte;
      return { name: cut ? 'truncated xlsx' : 'flipped xlsx', type: XLSX_TYPE, bytes };
    }),
    fc
      .array(
        fc.array(fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 30 })), {
          minLength: 1,
          maxLength: 6,
        }),
        {
          minLength: 1,
          maxLength: 20,
        },
      )
      .map((rows) => ({
        name: 'generated csv',
        type: 'text/csv',
        bytes: Buffer.from(['Naam;E-mail;Taal', ...rows.map((r) => r.join(';'))].join('\n')),
      })),
    fc
      .uint8Array({ maxLength: 8192 })
      .map((b) => ({ name: 'random bytes', type: XLSX_TYPE, bytes: Buffer.from(b) })),
  );
}
