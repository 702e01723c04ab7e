import ExcelJS from 'exceljs';

/**
 * Spreadsheets as a Belgian service company exports them from its old software to move to
 * Climalog: Dutch column names the import wizard recognises (apps/server/src/modules/imports/
 * import-columns.ts), Belgian formats (dd/mm/yyyy dates, decimal commas, ja/nee) and valid
 * enterprise and VAT numbers. Customers K<n>, each with one location L<n> and `perLocation`
 * installations.
 */

/** @type {[string, string][]} */
const PLACES = [
  ['9000', 'Gent'],
  ['2000', 'Antwerpen'],
  ['1000', 'Brussel'],
  ['1050', 'Ixelles'],
  ['4000', 'Liège'],
  ['5000', 'Namur'],
  ['8000', 'Brugge'],
  ['3000', 'Leuven'],
  ['3500', 'Hasselt'],
  ['6000', 'Charleroi'],
  ['7000', 'Mons'],
  ['8500', 'Kortrijk'],
];
const TRADES = ['Bakkerij', 'Slagerij', 'Apotheek', 'Brasserie', 'Hotel', 'Restaurant', 'Garage', 'Traiteur'];
const SURNAMES = ['Peeters', 'Janssens', 'Maes', 'Dubois', 'Lambert', 'Claes', 'Martin', 'Wouters', 'Jacobs'];
const STREETS = ['Kerkstraat', 'Stationsstraat', 'Rue de la Station', 'Dorpsstraat', 'Chaussée de Namur'];
const KINDS = ['airco', 'airco', 'airco', 'koeling', 'koeling', 'warmtepomp', 'verwarming'];
const REFRIGERANTS = ['R410A', 'R-32', 'R134a', 'R-404A', 'R407C'];
const BRANDS = ['Daikin', 'Mitsubishi Electric', 'Carrier', 'Bitzer', 'Viessmann', 'Vaillant'];

/**
 * A valid Belgian enterprise number: 0, seven digits, and 97 − (the first eight mod 97).
 * @param {number} n
 */
export function enterpriseNumber(n) {
  const base = `0${String(4_000_000 + n).padStart(7, '0')}`;
  const digits = base + String(97 - (Number(base) % 97)).padStart(2, '0');
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/**
 * @param {string} file
 * @param {string[]} headers
 * @param {number} count
 * @param {(i: number) => (string | number | boolean | null)[]} row
 */
async function writeSheet(file, headers, count, row) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Export');
  sheet.addRow(headers).commit();
  for (let i = 0; i < count; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * @param {string} file
 * @param {number} count  customers K1..K<count>
 */
export function writeCustomers(file, count) {
  return writeSheet(
    file,
    [
      'Klantnummer',
      'Naam',
      'Ondernemingsnummer',
      'BTW-nummer',
      'Taal',
      'E-mail',
      'Telefoon',
      'GSM',
      'Opmerkingen',
    ],
    count,
    (i) => {
      const n = i + 1;
      const company = n % 3 !== 0;
      const en = enterpriseNumber(n);
      return [
        `K${n}`,
        `${TRADES[n % TRADES.length]} ${SURNAMES[n % SURNAMES.length]}${company ? ' BV' : ''}`,
        company ? en : null,
        company ? `BE ${en}` : null,
        ['Nederlands', 'Frans', 'nl', 'fr'][n % 4] ?? 'nl',
        `info${n}@klant.example`,
        `09 ${String(200 + (n % 700)).padStart(3, '0')} ${String(n % 100).padStart(2, '0')} 67`,
        n % 2 ? `0475 ${String(n % 100).padStart(2, '0')} 34 56` : null,
        n % 10 === 0 ? 'Sleutel bij de buren; niet bellen tussen 12 en 14 u.' : null,
      ];
    },
  );
}

/**
 * @param {string} file
 * @param {number} count  locations L1..L<count>, one per customer K<n>
 */
export function writeLocations(file, count) {
  return writeSheet(
    file,
    ['Klantnummer', 'Naam', 'Straat', 'Nummer', 'Bus', 'Postcode', 'Gemeente', 'Land', 'Referentie'],
    count,
    (i) => {
      const n = i + 1;
      const [postcode, city] = PLACES[n % PLACES.length] ?? ['9000', 'Gent'];
      return [
        `K${n}`,
        n % 4 === 0 ? 'Magazijn' : 'Winkel',
        STREETS[n % STREETS.length] ?? 'Kerkstraat',
        String(1 + (n % 180)),
        n % 9 === 0 ? 'B2' : null,
        postcode,
        city,
        'BE',
        `L${n}`,
      ];
    },
  );
}

/**
 * @param {string} file
 * @param {number} count  installations I1..I<count>, `perLocation` at each location L<n>
 * @param {number} perLocation
 */
export function writeInstallations(file, count, perLocation) {
  return writeSheet(
    file,
    [
      'Locatiereferentie',
      'Soort',
      'Installatie',
      'Merk',
      'Model',
      'Serienummer',
      'Koelmiddel',
      'Vulling (kg)',
      'Hermetisch',
      'Lekdetectie',
      'Koelvermogen',
      'Comfort',
      'Brandstof',
      'Vermogen',
      'Ingebruikname',
      'Externe referentie',
    ],
    count,
    (i) => {
      const n = i + 1;
      const kind = KINDS[n % KINDS.length] ?? 'airco';
      const cooling = kind !== 'verwarming';
      const charge = 0.6 + ((n * 7919) % 4000) / 100;
      const year = 2008 + (n % 17);
      return [
        `L${1 + Math.floor(i / perLocation)}`,
        kind,
        `${kind === 'koeling' ? 'Koelcel' : kind === 'verwarming' ? 'Ketel' : 'Unit'} ${1 + (i % perLocation)}`,
        BRANDS[n % BRANDS.length] ?? 'Daikin',
        `M-${n % 997}`,
        `SN${String(n).padStart(9, '0')}`,
        cooling ? (REFRIGERANTS[n % REFRIGERANTS.length] ?? 'R-32') : null,
        // Half as numbers, half as text with a decimal comma, as spreadsheets hold them.
        cooling ? (n % 2 ? Math.round(charge * 100) / 100 : charge.toFixed(2).replace('.', ',')) : null,
        cooling ? (n % 3 === 0 ? 'ja' : 'nee') : null,
        cooling ? (n % 11 === 0 ? 'ja' : 'nee') : null,
        cooling ? 2 + (n % 200) * 0.5 : null,
        kind === 'airco' ? 'ja' : kind === 'koeling' ? 'nee' : null,
        kind === 'verwarming' ? (n % 2 ? 'aardgas' : 'stookolie') : null,
        kind === 'verwarming' ? 20 + (n % 80) : kind === 'warmtepomp' ? 8 + (n % 10) : null,
        n % 23 === 0 ? null : `${1 + (n % 28)}/${1 + (n % 12)}/${year}`,
        `I${n}`,
      ];
    },
  );
}
