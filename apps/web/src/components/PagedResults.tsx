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
  /**
   * Embedded in another page (a customer's installations): less room around the empty text, and no
   * "showing n" footer for a short list that is shown whole.
   */
  compact?: boolean;
};

/** A paged list's state: its error, a loader, the empty text or the table, then "load more". */
export function PagedResults<T>({ list, empty, children, compact = false }: Props<T>) {
  const footer = list.items.length > 0 && (!compact || list.hasNextPage || list.items.length > 10);
  return (
    <>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <CenteredLoader />
      ) : list.items.length === 0 ? (
        <Text c="dimmed" py={compact ? 'md' : 'lg'} ta="center">
          {empty}
        </Text>
      ) : (
        children
      )}
      {footer && (
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
