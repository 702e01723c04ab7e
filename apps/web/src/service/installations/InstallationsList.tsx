import { Text } from '@mantine/core';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
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
    <>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <CenteredLoader />
      ) : list.items.length === 0 ? (
        <Text c="dimmed" py="md" ta="center">
          {empty}
        </Text>
      ) : (
        <InstallationsTable installations={list.items} showCustomer={showCustomer} sort={sort} />
      )}
      {list.items.length > 0 && (list.hasNextPage || list.items.length > 10) && (
        <LoadMore
          shown={list.items.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      )}
    </>
  );
}
