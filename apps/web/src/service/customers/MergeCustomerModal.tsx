import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { INSTALLATIONS_KEY } from '../installations/installations-api';
import { LOCATIONS_KEY } from '../locations/locations-api';
import { CUSTOMERS_KEY, listCustomers, mergeCustomer } from './customers-api';

type Props = { customer: Customer; onClose: () => void };

/** Picks a duplicate of this customer (search as you type) and merges it into this one. */
export function MergeCustomerModal({ customer, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const candidates = useQuery({
    queryKey: [...CUSTOMERS_KEY, 'merge-candidates', q],
    queryFn: () => listCustomers({ q }),
  });
  const options = (candidates.data?.items ?? [])
    .filter((c) => c.id !== customer.id)
    .map((c) => ({
      value: c.id,
      label: [c.name, c.customerNumber && `#${c.customerNumber}`, c.internalName].filter(Boolean).join(' · '),
    }));
  const merge = useMutation({
    mutationFn: () => mergeCustomer(customer.id, duplicateId ?? ''),
    onSuccess: () => {
      for (const key of [CUSTOMERS_KEY, LOCATIONS_KEY, INSTALLATIONS_KEY]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      notifications.show({ color: 'climalog', message: t('customers.merged', { name: customer.name }) });
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('customers.mergeTitle')} centered size="lg">
      <Stack>
        <Text size="sm">{t('customers.mergeIntro', { name: customer.name })}</Text>
        <Select
          label={t('customers.duplicate')}
          placeholder={t('customers.searchPlaceholder')}
          data={chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          value={duplicateId}
          onChange={(value, option) => {
            setDuplicateId(value);
            setChosen(option ? { value: option.value, label: option.label } : null);
          }}
          nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('customers.noMatch', { q })}
          data-autofocus
        />
        {chosen && (
          <Alert color="orange" variant="light">
            {t('customers.mergeWarning', { duplicate: chosen.label, name: customer.name })}
          </Alert>
        )}
        <ErrorAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!duplicateId}
            loading={merge.isPending}
            onClick={() => merge.mutate()}
          >
            {t('customers.merge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
