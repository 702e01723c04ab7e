import { AppError } from './errors.js';

/**
 * Keyset paging: the cursor is the sort key of the last row, opaque to clients (base64url JSON).
 * A tampered cursor is a 400 naming the field, never a 500.
 */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** 'string?' is a string or null (a sort value of a row where that field is empty). */
type CursorPart = 'string' | 'string?' | 'number';
type CursorValue<P> = P extends 'number' ? number : P extends 'string?' ? string | null : string;

const fits = (value: unknown, part: CursorPart) =>
  part === 'number'
    ? typeof value === 'number'
    : (typeof value === 'string' && value.length <= 1000) || (part === 'string?' && value === null);

export function decodeCursor<T extends readonly CursorPart[]>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: CursorValue<T[K]> } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => fits(v, shape[i]!))
    ) {
      return values as { [K in keyof T]: CursorValue<T[K]> };
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'The cursor is not valid; start again from the first page.', {
    errors: [{ field: 'cursor', message: 'Invalid cursor.', code: 'invalid_cursor' }],
  });
}

/** Takes one row more than the page to know whether a next page exists. */
export function pageFrom<R, I>(
  rows: R[],
  limit: number,
  present: (row: R) => I,
  keyOf: (row: R) => readonly (string | number | null)[],
): { items: I[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
