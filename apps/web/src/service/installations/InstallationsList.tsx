import { Text } from '@mantine/core';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { usePagedList } from '../../components/usePagedList';
import { INSTALLATIONS_KEY, listInstallations, type InstallationFilters } from './installations-api';
import { InstallationsTable } from './InstallationsTable';

type Props = { filters: Partial<InstallationFilters>; showCustomer?: boolean; empty: string };

/** A filtered, paged list of installations (on the list page and on customer and location pages). */
export function InstallationsList({ filters, showCustomer, empty }: Props) {
  const list = usePagedList([...INSTALLATIONS_KEY, 'list', filters], (cursor) =>
    listInstallations(filters, cursor),
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
        <InstallationsTable installations={list.items} showCustomer={showCustomer} />
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
