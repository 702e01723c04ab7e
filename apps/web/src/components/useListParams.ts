import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readFilters, writeFilters, type ListFilters } from './list-params';
import { parseSort, type ListSorts, type Sort } from './list-sort';

/** The sort of a list and how a column header changes it. */
export type SortControl<F extends string> = { value: Sort<F>; onChange: (sort: Sort<F>) => void };

/**
 * A list page's filters and sort, kept in the URL query string (?labelId=…&sort=-number) so that
 * a reload, the Back button and a shared link show the same list. Changes replace the history
 * entry: Back leaves the list rather than undoing the filters one by one. `defaults` must be a
 * constant (module level).
 */
export function useListParams<T extends ListFilters, F extends string>(defaults: T, sorts: ListSorts<F>) {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(query), defaults), [query, defaults]);
  const setFilters = useCallback(
    (changes: Partial<T>) =>
      setParams((current) => writeFilters(current, changes, defaults), { replace: true }),
    [setParams, defaults],
  );
  const sort: SortControl<F> = {
    value: parseSort(sorts, params.get('sort')),
    onChange: (next) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('sort', next);
          return updated;
        },
        { replace: true },
      ),
  };
  const filtered = Object.keys(defaults).some((key) => filters[key] !== defaults[key]);
  return { filters, setFilters, filtered, clearFilters: () => setFilters(defaults), sort };
}

/**
 * The text of a search box over a URL filter: the box follows the typing, the filter (and so the
 * list and the URL) follow 300 ms later. When the filter changes otherwise (clear filters, a
 * link to the bare list) the box shows it.
 */
export function useSearchText(committed: string, commit: (text: string) => void) {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    if (committed !== text.trim()) setText(committed);
  }
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const settle = useEffectEvent((value: string) => {
    if (value !== committed) commit(value);
  });
  useEffect(() => settle(debounced), [debounced]);
  return [text, setText] as const;
}
