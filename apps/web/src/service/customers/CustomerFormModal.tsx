import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelPicker } from '../../components/LabelPicker';
import { LanguageSelect } from '../../components/LanguageSelect';
import { useEditedRecord } from '../../components/useEditedRecord';
import { text, useFields } from '../../components/useFields';
import { currentLanguage } from '../../i18n';
import { enterpriseNumberError, fieldErrorsOf } from '../../i18n/error-text';
import {
  createCustomer,
  CUSTOMERS_KEY,
  getCustomer,
  updateCustomer,
  type CustomerInput,
} from './customers-api';

const FIELDS = [
  'name',
  'internalName',
  'customerNumber',
  'language',
  'enterpriseNumber',
  'vatNumber',
  'email',
  'phone',
  'mobile',
  'website',
  'notes',
  'labelIds',
] as const;

type Props = { customer: Customer | null; onClose: () => void; onSaved?: (c: Customer) => void };

const orNull = (value: string) => value.trim() || null;

function initialValues(c: Customer | null) {
  return {
    name: c?.name ?? '',
    internalName: c?.internalName ?? '',
    customerNumber: c?.customerNumber ?? '',
    language: c?.language ?? currentLanguage(),
    enterpriseNumber: c?.enterpriseNumber ?? '',
    vatNumber: c?.vatNumber ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    mobile: c?.mobile ?? '',
    website: c?.website ?? '',
    notes: c?.notes ?? '',
    labelIds: c?.labels.map((l) => l.id) ?? [],
  };
}

function toInput(v: ReturnType<typeof initialValues>): CustomerInput {
  return {
    name: v.name,
    language: v.language,
    internalName: v.internalName,
    customerNumber: orNull(v.customerNumber),
    enterpriseNumber: orNull(v.enterpriseNumber),
    vatNumber: orNull(v.vatNumber),
    email: orNull(v.email),
    phone: orNull(v.phone),
    mobile: orNull(v.mobile),
    website: orNull(v.website),
    notes: v.notes,
    labelIds: v.labelIds,
  };
}

/**
 * Adds a customer (customer null) or edits one. Mounted only while open. An edit is made on the
 * version the form was opened on: when someone else saved the customer meanwhile, nothing is
 * written and the form offers to load the latest version.
 */
export function CustomerFormModal({ customer: opened, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, setValues } = useFields(initialValues(opened));
  const { record: customer, conflict } = useEditedRecord(opened, {
    fetchLatest: (c) => getCustomer(c.id),
    onReloaded: (latest) => {
      setValues(initialValues(latest));
      mutation.reset();
    },
    invalidate: [CUSTOMERS_KEY],
  });
  const [enterpriseError, setEnterpriseError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => {
      const input = toInput(values);
      if (!customer) return createCustomer(input);
      const patch = changedFields(toInput(initialValues(customer)), input);
      return isEmpty(patch)
        ? Promise.resolve(customer)
        : updateCustomer(customer.id, { ...patch, version: customer.version });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      notifications.show({
        color: 'climalog',
        message: customer
          ? t('customers.updated', { name: saved.name })
          : t('customers.created', { name: saved.name }),
      });
      onSaved?.(saved);
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
  const input = (field: Exclude<(typeof FIELDS)[number], 'language' | 'labelIds' | 'notes'>) => ({
    label: t(`customers.${field}`),
    value: values[field],
    onChange: text(set(field)),
    error: errors[field],
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={customer ? t('customers.edit') : t('customers.add')}
      centered
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...input('name')} required data-autofocus />
            <TextInput {...input('internalName')} description={t('customers.internalNameHelp')} />
            <TextInput {...input('customerNumber')} description={t('customers.customerNumberHelp')} />
            <LanguageSelect
              label={t('customers.language')}
              value={values.language}
              onChange={set('language')}
              error={errors.language}
            />
            <TextInput
              {...input('enterpriseNumber')}
              description={t('customers.enterpriseHelp')}
              error={enterpriseError ?? errors.enterpriseNumber}
            />
            <TextInput {...input('vatNumber')} description={t('customers.vatHelp')} />
            <TextInput {...input('email')} type="email" />
            <TextInput {...input('website')} />
            <TextInput {...input('phone')} type="tel" />
            <TextInput {...input('mobile')} type="tel" />
          </SimpleGrid>
          <LabelPicker
            scope="customer"
            value={values.labelIds}
            onChange={set('labelIds')}
            error={errors.labelIds}
          />
          <Textarea
            label={t('customers.notes')}
            autosize
            minRows={2}
            value={values.notes}
            onChange={text(set('notes'))}
            error={errors.notes}
          />
          <ErrorAlert
            error={mutation.error}
            fields={FIELDS}
            conflict={
              customer ? conflict(t('conflict.records.customer', { name: customer.name })) : undefined
            }
          />
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
