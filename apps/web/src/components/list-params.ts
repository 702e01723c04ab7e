/** A list filter as the URL carries it: text (or a chosen id or value), a switch, or nothing. */
export type ParamValue = string | boolean | null;
export type ListFilters = Record<string, ParamValue>;

/** The filters in a query string; a missing or empty parameter is the default. */
export function readFilters<T extends ListFilters>(params: URLSearchParams, defaults: T): T {
  const filters: ListFilters = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = params.get(key);
    if (typeof fallback === 'boolean') filters[key] = value === null ? fallback : value === 'true';
    else filters[key] = value === null || value === '' ? fallback : value;
  }
  return filters as T;
}

/**
 * The query string with some filters changed. Defaults are left out, so an unfiltered list has a
 * clean address; parameters that are no filter of the list (such as sort) stay as they are.
 */
export function writeFilters<T extends ListFilters>(
  current: URLSearchParams,
  changes: Partial<T>,
  defaults: T,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '' || value === defaults[key]) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}
