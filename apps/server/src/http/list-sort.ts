import { z } from 'zod';
import { decodeCursor } from './cursor.js';
import { AppError } from './errors.js';

/**
 * `?sort=` for keyset-paged lists: a field name, `-` first for descending. Every sort orders by
 * its value with NULLs last, then by a unique tie-breaker in the same direction, so paging never
 * skips or repeats a row. The cursor carries the sort it was made for plus the last row's value
 * and tie-breaker, as text; the SQL here only ever comes from the fixed definitions, never input.
 */

/**
 * How a sort value travels through the cursor. Values are checked before they reach the database,
 * so a tampered cursor is a 400 and never a failed cast (500).
 */
type ValueType = 'text' | 'numeric' | 'bigint' | 'date' | 'timestamptz' | 'uuid';

export type SortKey = {
  /** SQL expression over the list query's own aliases. */
  sql: string;
  type: ValueType;
  /**
   * The expression is never NULL (a NOT NULL column): the order and the keyset condition then need
   * no NULL handling, so an index on (tenant_id, column, id) can serve each page directly.
   */
  notNull?: true;
};

export type Sort<F extends string> = F | `-${F}`;

export type ListSorts<F extends string> = {
  fields: Readonly<Record<F, SortKey>>;
  /** Unique within the list (the id, or the work order number): orders equal values. */
  tie: SortKey;
  default: Sort<F>;
};

/** Keeps the field names of a definition as its type, so `sort` is checked against them. */
export const defineSorts = <F extends string>(sorts: {
  fields: Readonly<Record<F, SortKey>>;
  tie: SortKey;
  default: NoInfer<Sort<F>>;
}): ListSorts<F> => sorts;

/** Where the previous page ended. */
export type Position = { value: string | null; tie: string };

/** The columns every sorted list query selects, read back to build the next cursor. */
export type SortedRow = { sort_value: string | null; sort_tie: string };

export function sortValues<F extends string>(sorts: ListSorts<F>): Sort<F>[] {
  return (Object.keys(sorts.fields) as F[]).flatMap((f) => [f, `-${f}` as const]);
}

/** The query parameter; an unknown value is a 400 on `sort` that lists the allowed ones. */
export function sortQuery<F extends string>(sorts: ListSorts<F>) {
  const values = sortValues(sorts);
  const message = `Sort by one of: ${values.join(', ')}.`;
  return z
    .enum(values as [Sort<F>, ...Sort<F>[]], { error: () => message })
    .default(sorts.default as never)
    .describe(`Order of the list: a field, "-" first for descending (default ${sorts.default})`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A real calendar date (no 31 February, no year 0), as PostgreSQL will accept it. */
const isDate = (value: string) =>
  DATE.test(value) &&
  !value.startsWith('0000') &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const VALID: Record<ValueType, (value: string) => boolean> = {
  text: (v) => !v.includes('\u0000'),
  numeric: (v) => /^-?\d{1,15}(\.\d{1,6})?$/.test(v),
  bigint: (v) => /^-?\d{1,18}$/.test(v),
  date: isDate,
  timestamptz: (v) => TIMESTAMP.test(v) && isDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v),
};

/** The expression as the text the cursor carries (timestamps in UTC with microseconds). */
function asText(key: SortKey): string {
  if (key.type === 'text') return `(${key.sql})`;
  if (key.type === 'timestamptz')
    return `to_char((${key.sql}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return `(${key.sql})::text`;
}

function parse<F extends string>(sorts: ListSorts<F>, sort: Sort<F>) {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as F;
  return { key: sorts.fields[field], descending };
}

const invalidCursor = (message: string, code: string) =>
  new AppError('bad_request', message, { errors: [{ field: 'cursor', message, code }] });

/** Reads a cursor; one made for another sort is refused, naming the cursor. */
export function positionFromCursor<F extends string>(
  sorts: ListSorts<F>,
  sort: Sort<F>,
  cursor: string | undefined,
): Position | undefined {
  const decoded = decodeCursor(cursor, ['string', 'string?', 'string'] as const);
  if (!decoded) return undefined;
  const [madeFor, value, tie] = decoded;
  if (madeFor !== sort) {
    throw invalidCursor(
      `This cursor was made for sort=${madeFor.slice(0, 40)}, not sort=${sort}; start again from the first page.`,
      'cursor_sort_mismatch',
    );
  }
  const { key } = parse(sorts, sort);
  if ((value !== null && !VALID[key.type](value)) || !VALID[sorts.tie.type](tie)) {
    throw invalidCursor('The cursor is not valid; start again from the first page.', 'invalid_cursor');
  }
  return { value, tie };
}

export const positionOf = (row: SortedRow): Position => ({ value: row.sort_value, tie: row.sort_tie });

/** The cursor values of a row, for pageFrom. */
export const cursorKeyOf =
  (sort: string) =>
  (row: SortedRow): [string, string | null, string] => [sort, row.sort_value, row.sort_tie];

/**
 * SQL for one sort: the columns to select, the keyset condition (parameters numbered from
 * firstParam, values to append) and the order by.
 */
export function sortSql<F extends string>(
  sorts: ListSorts<F>,
  sort: Sort<F>,
  after: Position | undefined,
  firstParam: number,
): { select: string; where: string; orderBy: string; values: unknown[] } {
  const { key, descending } = parse(sorts, sort);
  const { tie } = sorts;
  const [op, dir] = descending ? ['<', 'desc'] : ['>', 'asc'];
  const select = `${asText(key)} as sort_value, ${asText(tie)} as sort_tie`;
  const $ = (n: number, type: ValueType) => `$${firstParam + n}::${type}`;
  if (key.notNull) {
    // A row comparison in the index's own order: each page is an index range, not a sort.
    const orderBy = `order by ${key.sql} ${dir}, ${tie.sql} ${dir}`;
    if (!after || after.value === null) return { select, where: 'true', orderBy, values: [] };
    return {
      select,
      where: `((${key.sql}, ${tie.sql}) ${op} (${$(0, key.type)}, ${$(1, tie.type)}))`,
      orderBy,
      values: [after.value, after.tie],
    };
  }
  const orderBy = `order by ${key.sql} ${dir} nulls last, ${tie.sql} ${dir}`;
  if (!after) return { select, where: 'true', orderBy, values: [] };
  // NULLs come last: after a NULL only NULLs follow; after a value, NULLs still follow.
  if (after.value === null) {
    return {
      select,
      where: `(${key.sql} is null and ${tie.sql} ${op} ${$(0, tie.type)})`,
      orderBy,
      values: [after.tie],
    };
  }
  const v = $(0, key.type);
  return {
    select,
    where: `(${key.sql} ${op} ${v} or (${key.sql} = ${v} and ${tie.sql} ${op} ${$(1, tie.type)}) or ${key.sql} is null)`,
    orderBy,
    values: [after.value, after.tie],
  };
}
