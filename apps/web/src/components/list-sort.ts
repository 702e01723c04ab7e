/**
 * `?sort=` of the paged lists (GET /customers, /locations, /installations, /work-orders): a field
 * the server can sort on, `-` first for descending. The server's definitions are in
 * apps/server/src/modules/<list>/<list>.repository.ts (…_SORTS); these mirror their field names.
 */
export type Sort<F extends string> = F | `-${F}`;
export type SortDirection = 'asc' | 'desc';

export type ListSorts<F extends string> = { fields: readonly F[]; default: Sort<F> };

export const defineSorts = <const F extends string>(
  fields: readonly F[],
  fallback: NoInfer<Sort<F>>,
): ListSorts<F> => ({ fields, default: fallback });

/** The field and direction of a sort. */
export function sortParts<F extends string>(sort: Sort<F>): { field: F; direction: SortDirection } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as F, direction: 'desc' }
    : { field: sort as F, direction: 'asc' };
}

/** A sort read from the URL; anything the list does not know gives its default. */
export function parseSort<F extends string>(sorts: ListSorts<F>, value: string | null): Sort<F> {
  if (!value) return sorts.default;
  const { field } = sortParts(value as Sort<F>);
  return sorts.fields.includes(field) ? (value as Sort<F>) : sorts.default;
}

/** A click on a column header: the sorted column flips its direction, another starts ascending. */
export function toggleSort<F extends string>(current: Sort<F>, field: F): Sort<F> {
  const active = sortParts(current);
  return active.field === field && active.direction === 'asc' ? `-${field}` : field;
}

/** The header's aria-sort: only the column the list is sorted by has one. */
export function ariaSort<F extends string>(
  current: Sort<F>,
  field: F,
): 'ascending' | 'descending' | undefined {
  const active = sortParts(current);
  if (active.field !== field) return undefined;
  return active.direction === 'asc' ? 'ascending' : 'descending';
}
