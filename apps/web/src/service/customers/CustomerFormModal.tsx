import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSelect } from '../../components/LanguageSelect';
import { text, useFields } from '../../components/useFields';
import { currentLanguage } from '../../i18n';
import { enterpriseNumberError, fieldErrorsOf } from '../../i18n/error-text';
import { createCustomer, CUSTOMERS_KEY, updateCustomer } from './customers-api';

const FIELDS = ['name', 'language', 'enterpriseNumber'] as const;

type Props = { customer: Customer | null; onClose: () => void };

/** Adds a customer (customer null) or edits one. Mounted only while open. */
export function CustomerFormModal({ customer, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set } = useFields({
    name: customer?.name ?? '',
    language: customer?.language ?? currentLanguage(),
    enterpriseNumber: customer?.enterpriseNumber ?? '',
  });
  const [enterpriseError, setEnterpriseError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => {
      const input = { ...values, enterpriseNumber: values.enterpriseNumber.trim() || null };
      if (!customer) return createCustomer(input);
      const before = {
        name: customer.name,
        language: customer.language,
        enterpriseNumber: customer.enterpriseNumber,
      };
      const patch = changedFields(before, input);
      return isEmpty(patch) ? Promise.resolve(customer) : updateCustomer(customer.id, patch);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      notifications.show({
        color: 'climalog',
        message: customer
          ? t('customers.updated', { name: saved.name })
          : t('customers.created', { name: saved.name }),
      });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = enterpriseNumberError(t, values.enterpriseNumber);
    setEnterpriseError(problem);
    if (!problem) mutation.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={customer ? t('customers.edit') : t('customers.add')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('customers.name')}
            required
            data-autofocus
            value={values.name}
            onChange={text(set('name'))}
            error={errors.name}
          />
          <LanguageSelect
            label={t('customers.language')}
            value={values.language}
            onChange={set('language')}
            error={errors.language}
          />
          <TextInput
            label={t('customers.enterpriseNumber')}
            description={t('customers.enterpriseHelp')}
            value={values.enterpriseNumber}
            onChange={text(set('enterpriseNumber'))}
            error={enterpriseError ?? errors.enterpriseNumber}
          />
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
