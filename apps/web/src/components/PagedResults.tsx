import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CenteredLoader } from './CenteredLoader';
import { ErrorAlert } from './ErrorAlert';
import { LoadMore } from './LoadMore';
import type { PagedList } from './usePagedList';

type Props<T> = {
  list: PagedList<T>;
  /** Shown when the list holds nothing (with the filters set). */
  empty: string;
  /** The table of list.items. */
  children: ReactNode;
};

/** A paged list's state: its error, a loader, the empty text or the table, then "load more". */
export function PagedResults<T>({ list, empty, children }: Props<T>) {
  return (
    <>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <CenteredLoader />
      ) : list.items.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center">
          {empty}
        </Text>
      ) : (
        children
      )}
      {list.items.length > 0 && (
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
