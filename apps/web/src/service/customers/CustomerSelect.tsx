import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMERS_KEY, getCustomer, listCustomers } from './customers-api';

type Props = {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  disabled?: boolean;
  required?: boolean;
  w?: number;
  autoFocus?: boolean;
};

/** A customer chosen by typing part of the name (the server searches). */
export function CustomerSelect({ label, value, onChange, error, disabled, required, w, autoFocus }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [typed, setTyped] = useState(false);
  const candidates = useQuery({
    queryKey: [...CUSTOMERS_KEY, 'select', typed ? q : ''],
    queryFn: () => listCustomers({ q: typed ? q : '' }),
  });
  const current = useQuery({
    queryKey: [...CUSTOMERS_KEY, value],
    queryFn: () => getCustomer(value ?? ''),
    enabled: Boolean(value),
  });
  const options = (candidates.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (current.data && !options.some((o) => o.value === current.data.id)) {
    options.unshift({ value: current.data.id, label: current.data.name });
  }
  return (
    <Select
      label={label}
      placeholder={t('customers.searchPlaceholder')}
      data={options}
      value={value}
      onChange={(next) => {
        setTyped(false);
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={(next) => {
        setSearch(next);
        setTyped(true);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('customers.noMatch', { q })}
      error={error}
      disabled={disabled}
      required={required}
      clearable={!required}
      w={w}
      data-autofocus={autoFocus || undefined}
    />
  );
}
