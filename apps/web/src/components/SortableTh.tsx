import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from './icons';
import { ariaSort, toggleSort } from './list-sort';
import type { SortControl } from './useListParams';

type Props<F extends string> = {
  /** The list's sort; without it (a list embedded in another page) the header is plain text. */
  sort?: SortControl<F> | undefined;
  field: F;
  children: ReactNode;
};

/**
 * A column header the list can be sorted by: a button (click, Enter or Space) that sorts
 * ascending, then descending; an arrow shows the direction and aria-sort tells screen readers.
 */
export function SortableTh<F extends string>({ sort, field, children }: Props<F>) {
  if (!sort) return <Table.Th scope="col">{children}</Table.Th>;
  const direction = ariaSort(sort.value, field);
  const Arrow = direction === 'ascending' ? IconArrowUp : direction === 'descending' ? IconArrowDown : null;
  return (
    <Table.Th scope="col" aria-sort={direction}>
      <UnstyledButton
        onClick={() => sort.onChange(toggleSort(sort.value, field))}
        fw="inherit"
        fz="inherit"
        c={direction ? 'climalog.8' : 'inherit'}
      >
        <Group gap={4} wrap="nowrap" component="span">
          <span>{children}</span>
          {Arrow ? <Arrow size={15} /> : <IconArrowsSort size={15} opacity={0.35} />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
