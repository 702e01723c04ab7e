import type { Cell } from './spreadsheet-reader.js';

export const IMPORT_KINDS = ['customers', 'locations', 'installations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

type ValueType = 'text' | 'number' | 'boolean' | 'date';
type Column = { field: string; type: ValueType; aliases: string[] };

const col = (field: string, type: ValueType, ...aliases: string[]): Column => ({
  field,
  type,
  aliases: [field, ...aliases],
});

/**
 * The fields each import understands, with the header names people use for them in nl, fr, en
 * and de; the first match wins when the mapping is suggested.
 */
export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  customers: [
    col('name', 'text', 'naam', 'nom', 'name', 'klant', 'client', 'customer', 'kunde', 'firma', 'bedrijf'),
    col('internalName', 'text', 'interne naam', 'alias', 'nom interne', 'internal name'),
    col(
      'customerNumber',
      'text',
      'klantnummer',
      'klantnr',
      'numéro client',
      'n° client',
      'customer number',
      'kundennummer',
    ),
    col(
      'enterpriseNumber',
      'text',
      'ondernemingsnummer',
      'kbo',
      'bce',
      "numéro d'entreprise",
      'enterprise number',
      'unternehmensnummer',
    ),
    col('vatNumber', 'text', 'btw', 'btw-nummer', 'tva', 'numéro de tva', 'vat', 'vat number', 'ust-idnr'),
    col('language', 'text', 'taal', 'langue', 'language', 'sprache'),
    col('email', 'text', 'e-mail', 'email', 'mail', 'courriel'),
    col('phone', 'text', 'telefoon', 'tel', 'téléphone', 'phone', 'telefon'),
    col('mobile', 'text', 'gsm', 'mobiel', 'portable', 'mobile', 'handy'),
    col('website', 'text', 'website', 'site web', 'webseite'),
    col('notes', 'text', 'opmerkingen', 'notities', 'remarques', 'notes', 'bemerkungen'),
  ],
  locations: [
    col(
      'customerNumber',
      'text',
      'klantnummer',
      'klantnr',
      'numéro client',
      'customer number',
      'kundennummer',
    ),
    col('customerName', 'text', 'klant', 'klantnaam', 'client', 'customer', 'kunde'),
    col('name', 'text', 'naam', 'locatie', 'nom', 'site', 'location', 'standort'),
    col('street', 'text', 'straat', 'rue', 'street', 'straße', 'strasse'),
    col('number', 'text', 'nummer', 'huisnummer', 'nr', 'numéro', 'house number', 'hausnummer'),
    col('box', 'text', 'bus', 'boîte', 'box', 'postfach'),
    col('postcode', 'text', 'postcode', 'code postal', 'zip', 'postal code', 'plz'),
    col('city', 'text', 'gemeente', 'stad', 'plaats', 'ville', 'localité', 'city', 'ort', 'stadt'),
    col('country', 'text', 'land', 'pays', 'country'),
    col('region', 'text', 'gewest', 'région', 'region'),
    col(
      'externalReference',
      'text',
      'referentie',
      'externe referentie',
      'référence',
      'reference',
      'external reference',
      'locatiecode',
    ),
  ],
  installations: [
    col(
      'locationReference',
      'text',
      'locatiereferentie',
      'locatie',
      'référence site',
      'location reference',
      'standortreferenz',
    ),
    col(
      'customerNumber',
      'text',
      'klantnummer',
      'klantnr',
      'numéro client',
      'customer number',
      'kundennummer',
    ),
    col('kind', 'text', 'soort', 'type', 'genre', 'kind', 'art'),
    col('reference', 'text', 'referentie installatie', 'installatie', 'installation', 'anlage'),
    col('brand', 'text', 'merk', 'marque', 'brand', 'marke', 'fabrikant'),
    col('model', 'text', 'model', 'modèle', 'modell'),
    col('serialNumber', 'text', 'serienummer', 'numéro de série', 'serial', 'serial number', 'seriennummer'),
    col('refrigerant', 'text', 'koelmiddel', 'réfrigérant', 'fluide', 'refrigerant', 'kältemittel'),
    col('chargeKg', 'number', 'vulling', 'vulling (kg)', 'hoeveelheid', 'charge', 'charge (kg)', 'füllmenge'),
    col('hermeticallySealed', 'boolean', 'hermetisch', 'hermétique', 'hermetic', 'hermetically sealed'),
    col(
      'leakDetectionSystem',
      'boolean',
      'lekdetectie',
      'détection de fuites',
      'leak detection',
      'leckerkennung',
    ),
    col(
      'coolingCapacityKw',
      'number',
      'koelvermogen',
      'puissance frigorifique',
      'cooling capacity',
      'kälteleistung',
    ),
    col('comfortCooling', 'boolean', 'comfort', 'confort', 'comfort cooling', 'komfort'),
    col('heatingFuel', 'text', 'brandstof', 'combustible', 'fuel', 'brennstoff'),
    col('heatingCapacityKw', 'number', 'vermogen', 'puissance', 'heating capacity', 'heizleistung'),
    col(
      'commissionedOn',
      'date',
      'ingebruikname',
      'indienststelling',
      'mise en service',
      'commissioning',
      'commissioned on',
      'inbetriebnahme',
    ),
    col('externalReference', 'text', 'externe referentie', 'référence externe', 'external reference'),
  ],
};

const normalise = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Suggests which column holds which field, from the header names. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): Record<string, number> {
  const mapping: Record<string, number> = {};
  const taken = new Set<number>();
  const names = headers.map(normalise);
  for (const column of IMPORT_COLUMNS[kind]) {
    const index = names.findIndex((h, i) => !taken.has(i) && column.aliases.some((a) => normalise(a) === h));
    if (index >= 0) {
      mapping[column.field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

const TRUE = new Set(['1', 'x', 'ja', 'j', 'yes', 'y', 'oui', 'o', 'true', 'waar', 'vrai', 'wahr']);
const FALSE = new Set(['0', 'nee', 'n', 'no', 'non', 'false', 'onwaar', 'faux', 'nein', 'falsch']);

/** A cell as the API would receive it; what cannot be read is passed through for the schema to refuse. */
function convert(cell: Cell, type: ValueType): unknown {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  if (type === 'text') return String(cell).trim();
  if (type === 'number') {
    if (typeof cell === 'number') return cell;
    const text = String(cell).trim().replace(/\s/g, '');
    // 1.234,5 and 1234,5 (Belgian) as well as 1234.5
    const normalised = /,\d+$/.test(text) ? text.replace(/\./g, '').replace(',', '.') : text;
    const value = Number(normalised);
    return Number.isFinite(value) ? value : String(cell);
  }
  if (type === 'boolean') {
    if (typeof cell === 'boolean') return cell;
    const key = String(cell).trim().toLowerCase();
    return TRUE.has(key) ? true : FALSE.has(key) ? false : String(cell);
  }
  const text = String(cell).trim();
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (be) return `${be[3]}-${be[2]!.padStart(2, '0')}-${be[1]!.padStart(2, '0')}`;
  return text;
}

/** One spreadsheet row as an object of API fields, following the mapping. */
export function rowToFields(
  kind: ImportKind,
  row: readonly Cell[],
  mapping: Record<string, number>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const column of IMPORT_COLUMNS[kind]) {
    const index = mapping[column.field];
    if (index === undefined) continue;
    const value = convert(row[index] ?? null, column.type);
    if (value !== undefined) fields[column.field] = value;
  }
  return fields;
}
