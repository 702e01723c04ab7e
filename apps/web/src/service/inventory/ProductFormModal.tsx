import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/work-types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEditedRecord } from '../../components/useEditedRecord';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { createProduct, getProduct, PRODUCTS_KEY, updateProduct } from './inventory-api';

const FIELDS = ['name', 'sku', 'unit', 'notes'];

/** Adds a product or edits one; an edit someone else overtook is not written. */
export function ProductFormModal({
  product: opened,
  onClose,
}: {
  product: Product | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initialValues = (p: Product | null) => ({
    name: p?.name ?? '',
    sku: p?.sku ?? '',
    unit: p?.unit ?? t('inventory.defaultUnit'),
    notes: p?.notes ?? '',
  });
  const { values, set, setValues } = useFields(initialValues(opened));
  const { record: product, conflict } = useEditedRecord(opened, {
    fetchLatest: (p) => getProduct(p.id),
    onReloaded: (latest) => {
      setValues(initialValues(latest));
      mutation.reset();
    },
    invalidate: [PRODUCTS_KEY],
  });
  const mutation = useMutation({
    mutationFn: () => {
      const input = { ...values, sku: values.sku.trim() || null };
      if (!product) return createProduct(input);
      const initial = initialValues(product);
      const patch = changedFields({ ...initial, sku: initial.sku || null }, input);
      return isEmpty(patch)
        ? Promise.resolve(product)
        : updateProduct(product.id, { ...patch, version: product.version });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={product ? t('inventory.editProduct') : t('inventory.addProduct')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('inventory.productName')}
            required
            data-autofocus
            value={values.name}
            onChange={text(set('name'))}
            error={errors.name}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('inventory.sku')}
              value={values.sku}
              onChange={text(set('sku'))}
              error={errors.sku}
            />
            <TextInput
              label={t('inventory.unit')}
              description={t('inventory.unitHelp')}
              required
              value={values.unit}
              onChange={text(set('unit'))}
              error={errors.unit}
            />
          </SimpleGrid>
          <Textarea
            label={t('inventory.notes')}
            autosize
            value={values.notes}
            onChange={text(set('notes'))}
          />
          <ErrorAlert
            error={mutation.error}
            fields={FIELDS}
            conflict={product ? conflict(t('conflict.records.product', { name: product.name })) : undefined}
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
