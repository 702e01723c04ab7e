import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { ConfirmModal } from '../../components/ConfirmModal';
import { IconPlus, IconSearch } from '../../components/icons';
import { ExportButton } from '../../components/ListControls';
import { PagedResults } from '../../components/PagedResults';
import { PageHeader } from '../../components/PageHeader';
import { useConfirmedMutation } from '../../components/useConfirmedMutation';
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
  const remove = useConfirmedMutation({
    mutationFn: (c: Customer) => deleteCustomer(c.id),
    onSuccess: (_data, c) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      notifications.show({ color: 'climalog', message: t('customers.deleted', { name: c.name }) });
    },
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('customers.title')}
        actions={
          <>
            {abilities.exportData && <ExportButton href={customersExportUrl(params)} />}
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
          <PagedResults list={list} empty={q ? t('customers.noMatch', { q }) : t('customers.empty')}>
            <CustomersTable customers={list.items} sort={sort} onEdit={setEditing} onDelete={remove.ask} />
          </PagedResults>
        </Stack>
      </Paper>
      {editing && (
        <CustomerFormModal customer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        {...remove.confirmProps}
        title={t('customers.deleteTitle')}
        message={t('customers.deleteConfirm', { name: remove.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
      />
    </Stack>
  );
}
