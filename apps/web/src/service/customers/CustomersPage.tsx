import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconDownload, IconPlus, IconSearch } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { text } from '../../components/useFields';
import { useListParams, useSearchText } from '../../components/useListParams';
import { usePagedList } from '../../components/usePagedList';
import { LabelFilter } from '../labels/LabelFilter';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomersTable } from './CustomersTable';
import {
  CUSTOMER_SORTS,
  CUSTOMERS_KEY,
  customersExportUrl,
  deleteCustomer,
  emptyCustomerFilters,
  listCustomers,
} from './customers-api';

/** Customers: search, sort, page through, add, edit, delete duplicates, export. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const { filters, setFilters, sort } = useListParams(emptyCustomerFilters, CUSTOMER_SORTS);
  const [search, setSearch] = useSearchText(filters.q, (q) => setFilters({ q }));
  const { q } = filters;
  const params = { ...filters, sort: sort.value };
  // The sort is part of the key: another order starts again from the first page.
  const list = usePagedList([...CUSTOMERS_KEY, params], (cursor) => listCustomers(params, cursor));
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Customer | null>(null);
  const remove = useMutation({
    mutationFn: (c: Customer) => deleteCustomer(c.id),
    onSuccess: (_data, c) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      notifications.show({ color: 'climalog', message: t('customers.deleted', { name: c.name }) });
      setDeleting(null);
    },
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('customers.title')}
        actions={
          <>
            {abilities.exportData && (
              <Button
                component="a"
                href={customersExportUrl(params)}
                download
                variant="default"
                leftSection={<IconDownload />}
              >
                {t('common.exportXlsx')}
              </Button>
            )}
            {abilities.createCustomers && (
              <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
                {t('customers.add')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('customers.searchLabel')}
              placeholder={t('customers.searchPlaceholder')}
              type="search"
              leftSection={<IconSearch />}
              value={search}
              onChange={text(setSearch)}
              w={360}
            />
            <LabelFilter
              scope="customer"
              value={filters.labelId}
              onChange={(labelId) => setFilters({ labelId })}
            />
          </Group>
          <ErrorAlert error={list.error} />
          {list.isPending ? (
            <CenteredLoader />
          ) : list.items.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              {q ? t('customers.noMatch', { q }) : t('customers.empty')}
            </Text>
          ) : (
            <CustomersTable customers={list.items} sort={sort} onEdit={setEditing} onDelete={setDeleting} />
          )}
          {list.items.length > 0 && (
            <LoadMore
              shown={list.items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          )}
        </Stack>
      </Paper>
      {editing && (
        <CustomerFormModal customer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('customers.deleteTitle')}
        message={t('customers.deleteConfirm', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </Stack>
  );
}
