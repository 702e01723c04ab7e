import { PagedResults } from '../../components/PagedResults';
import type { SortControl } from '../../components/useListParams';
import { usePagedList } from '../../components/usePagedList';
import {
  INSTALLATIONS_KEY,
  listInstallations,
  type InstallationFilters,
  type InstallationSortField,
} from './installations-api';
import { InstallationsTable } from './InstallationsTable';

type Props = {
  filters: Partial<InstallationFilters>;
  /** The list page's sort (headers clickable); embedded lists keep the server's default order. */
  sort?: SortControl<InstallationSortField>;
  showCustomer?: boolean;
  empty: string;
};

/** A filtered, paged list of installations (on the list page and on customer and location pages). */
export function InstallationsList({ filters, sort, showCustomer, empty }: Props) {
  const params = { ...filters, sort: sort?.value };
  // The sort is part of the key: another order starts again from the first page.
  const list = usePagedList([...INSTALLATIONS_KEY, 'list', params], (cursor) =>
    listInstallations(params, cursor),
  );
  return (
    <PagedResults list={list} empty={empty} compact={!sort}>
      <InstallationsTable installations={list.items} showCustomer={showCustomer} sort={sort} />
    </PagedResults>
  );
}
