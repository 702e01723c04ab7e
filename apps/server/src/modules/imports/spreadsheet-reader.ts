import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fieldError } from '../../http/errors.js';

export const MAX_IMPORT_ROWS = 50_000;
const MAX_COLUMNS = 100;
// Limits on the zip inside an .xlsx, checked before anything is unpacked.
const MAX_ZIP_ENTRIES = 500;
const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 200;

export type Cell = string | number | boolean | null;
export type Sheet = { headers: string[]; rows: Cell[][] };

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the zip's central directory (end record, then every entry header) to refuse zip bombs —
 * too many entries, too much uncompressed data, absurd compression — before ExcelJS unpacks it.
 * The sizes there are the file's own word: each entry is also inflated with its claimed size as
 * the ceiling, so one that claims little and unpacks to gigabytes stops at that ceiling.
 */
export function checkZipLimits(buffer: Buffer): void {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length)
    throw fieldError('file', 'The file is not a valid .xlsx workbook.', 'invalid_xlsx');
  const entries = buffer.readUInt16LE(eocd + 10);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ZIP_ENTRIES)
    throw fieldError('file', 'The workbook has too many parts.', 'too_many_entries');
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) {
      throw fieldError('file', 'The file is not a valid .xlsx workbook.', 'invalid_xlsx');
    }
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    total += uncompressed;
    if (total > MAX_UNCOMPRESSED_BYTES || (compressed > 0 && uncompressed / compressed > MAX_RATIO)) {
      throw fieldError('file', 'The workbook unpacks to too much data.', 'too_large_unpacked');
    }
    checkEntryUnpacksAsClaimed(
      buffer,
      buffer.readUInt32LE(offset + 42),
      buffer.readUInt16LE(offset + 10),
      compressed,
      uncompressed,
    );
    offset +=
      46 +
      buffer.readUInt16LE(offset + 28) +
      buffer.readUInt16LE(offset + 30) +
      buffer.readUInt16LE(offset + 32);
  }
}

function checkEntryUnpacksAsClaimed(
  buffer: Buffer,
  localOffset: number,
  method: number,
  compressed: number,
  uncompressed: number,
): void {
  const invalid = () => fieldError('file', 'The file is not a valid .xlsx workbook.', 'invalid_xlsx');
  if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== 0x04034b50) throw invalid();
  const start =
    localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
  if (start + compressed > buffer.length) throw invalid();
  if (method === 0) {
    if (compressed !== uncompressed) throw invalid();
    return;
  }
  if (method !== 8) throw invalid();
  let unpacked: Buffer;
  try {
    unpacked = inflateRawSync(buffer.subarray(start, start + compressed), {
      maxOutputLength: Math.max(uncompressed, 1),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw fieldError('file', 'The workbook unpacks to more than it says.', 'too_large_unpacked');
    throw invalid();
  }
  if (unpacked.length !== uncompressed) throw invalid();
}

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text PostgreSQL can store: a workbook's cell may still hold NUL (`_x0000_`) or half a character. */
function storableCell(cell: Cell): Cell {
  return typeof cell === 'string' ? cell.replace(NUL, '').replace(LONE_SURROGATE, '\ufffd') : cell;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // Formulas count with their cached result, never their formula; rich text as its plain text.
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
  }
  return null;
}

async function readXlsx(buffer: Buffer): Promise<Cell[][]> {
  checkZipLimits(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', 'The workbook could not be read.', 'invalid_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    throw fieldError('file', `At most ${MAX_IMPORT_ROWS} rows per import.`, 'too_many_rows');
  // ExcelJS computes columnCount by walking every row: read it once, not once per cell.
  const columns = sheet.columnCount;
  if (columns > MAX_COLUMNS) throw fieldError('file', `At most ${MAX_COLUMNS} columns.`, 'too_many_columns');
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: Cell[] = [];
    for (let c = 1; c <= columns; c++) values.push(cellValue(row.getCell(c).value));
    rows.push(values);
  });
  return rows;
}

/**
 * The text of a CSV file. Excel on Windows saves "CSV (semicolon separated)" in Windows-1252, not
 * UTF-8: a file that is not valid UTF-8 is read as Windows-1252, so "Liège" stays "Liège" instead of
 * arriving as "Li\uFFFDge". (Valid UTF-8 with accents is practically never valid-looking 1252 text.)
 */
export function decodeCsv(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = decodeWindows1252(buffer);
  }
  return text.replace(/^\uFEFF/, '');
}

// Windows-1252 is Latin-1 except for 0x80–0x9F (€, ‚, „, …, –, —, ‘, ’, “, ”, …); Node 20's TextDecoder
// decodes those as C1 control characters, so they are mapped here (undefined bytes stay as they are).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(buffer: Buffer): string {
  return buffer
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function readCsv(buffer: Buffer): Cell[][] {
  const text = decodeCsv(buffer);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // Belgian spreadsheet programs write semicolons; others commas.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch (error) {
    throw fieldError('file', `The CSV file could not be read: ${(error as Error).message}`, 'invalid_csv');
  }
}

/** The first sheet (or the CSV) as headers and rows; the file type is decided by content, not name. */
export async function readSpreadsheet(buffer: Buffer): Promise<Sheet> {
  const isXlsx = buffer.subarray(0, 4).equals(XLSX_MAGIC);
  // A NUL byte anywhere is no text file (and PostgreSQL could not store it).
  const looksBinary = !isXlsx && buffer.includes(0);
  if (looksBinary) throw fieldError('file', 'Upload an .xlsx workbook or a .csv file.', 'unsupported_type');
  const all = (isXlsx ? await readXlsx(buffer) : readCsv(buffer)).map((row) => row.map(storableCell));
  const [header, ...rows] = all;
  if (!header || header.every((h) => h === null || h === ''))
    throw fieldError('file', 'The first row must hold the column names.', 'no_header');
  if (rows.length > MAX_IMPORT_ROWS)
    throw fieldError('file', `At most ${MAX_IMPORT_ROWS} rows per import.`, 'too_many_rows');
  const headers = header.map((h, i) => (h === null || h === '' ? `Column ${i + 1}` : String(h).trim()));
  return { headers, rows: rows.filter((r) => r.some((c) => c !== null && c !== '')) };
}
