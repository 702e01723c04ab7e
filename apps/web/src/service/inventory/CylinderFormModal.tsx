import {
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cylinder, CylinderKind } from '../../api/work-types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberField } from '../../components/fields/NumberField';
import { useEditedRecord } from '../../components/useEditedRecord';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { useRefrigerants } from '../installations/useRefrigerants';
import { createCylinder, CYLINDERS_KEY, getCylinder, updateCylinder } from './inventory-api';

const FIELDS = ['kind', 'refrigerant', 'serialNumber', 'capacityKg', 'contentKg', 'notes', 'archived'];

const initialValues = (cylinder: Cylinder | null) => ({
  kind: cylinder?.kind ?? ('supply' as CylinderKind),
  refrigerant: cylinder?.refrigerant ?? null,
  serialNumber: cylinder?.serialNumber ?? '',
  capacityKg: cylinder?.capacityKg ?? null,
  contentKg: cylinder?.contentKg ?? null,
  notes: cylinder?.notes ?? '',
  archived: cylinder?.archived ?? false,
});

/**
 * Adds a cylinder, or corrects one (content after weighing, serial number, notes, archive). A
 * correction is made on the version the form was opened on: a withdrawal or another correction
 * saved meanwhile makes it a conflict, so a weighed content never overwrites a newer one.
 */
export function CylinderFormModal({
  cylinder: opened,
  onClose,
}: {
  cylinder: Cylinder | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refrigerants = useRefrigerants();
  const { values, set, setValues } = useFields(initialValues(opened));
  const { record: cylinder, conflict } = useEditedRecord(opened, {
    fetchLatest: (c) => getCylinder(c.id),
    onReloaded: (latest) => {
      setValues(initialValues(latest));
      mutation.reset();
    },
    invalidate: [CYLINDERS_KEY],
  });
  const initial = initialValues(cylinder);
  const mutation = useMutation({
    mutationFn: () => {
      if (!cylinder) {
        return createCylinder({
          kind: values.kind,
          refrigerant: values.refrigerant,
          serialNumber: values.serialNumber,
          capacityKg: values.capacityKg ?? 0,
          contentKg: values.contentKg ?? 0,
          notes: values.notes,
        });
      }
      const editable = (v: typeof initial) => ({
        serialNumber: v.serialNumber,
        notes: v.notes,
        contentKg: v.contentKg ?? 0,
        archived: v.archived,
      });
      const patch = changedFields(editable(initial), editable(values));
      return isEmpty(patch)
        ? Promise.resolve(cylinder)
        : updateCylinder(cylinder.id, { ...patch, version: cylinder.version });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CYLINDERS_KEY });
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
      title={cylinder ? t('inventory.editCylinder') : t('inventory.addCylinder')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <Select
              label={t('inventory.kind')}
              data={(['supply', 'recovery'] as const).map((k) => ({
                value: k,
                label: t(`inventory.kinds.${k}`),
              }))}
              value={values.kind}
              onChange={(v) => set('kind')((v ?? 'supply') as CylinderKind)}
              allowDeselect={false}
              disabled={cylinder !== null}
              data-autofocus
            />
            <Select
              label={t('fields.refrigerant')}
              data={refrigerants.options}
              value={values.refrigerant}
              onChange={set('refrigerant')}
              error={errors.refrigerant}
              placeholder={values.kind === 'recovery' ? t('inventory.mixed') : undefined}
              disabled={cylinder !== null}
              searchable
              clearable
            />
            <TextInput
              label={t('inventory.serialNumber')}
              value={values.serialNumber}
              onChange={text(set('serialNumber'))}
              error={errors.serialNumber}
            />
            <NumberField
              label={t('inventory.capacityKg')}
              value={values.capacityKg}
              onChange={set('capacityKg')}
              error={errors.capacityKg}
              disabled={cylinder !== null}
              min={0}
              decimalScale={3}
            />
            <NumberField
              label={t('inventory.contentKg')}
              description={cylinder ? t('inventory.contentHelp') : undefined}
              value={values.contentKg}
              onChange={set('contentKg')}
              error={errors.contentKg}
              min={0}
              decimalScale={3}
            />
          </SimpleGrid>
          <Textarea
            label={t('inventory.notes')}
            autosize
            value={values.notes}
            onChange={text(set('notes'))}
          />
          {cylinder && (
            <Checkbox
              label={t('inventory.archivedCylinder')}
              checked={values.archived}
              onChange={(e) => set('archived')(e.currentTarget.checked)}
            />
          )}
          <ErrorAlert
            error={mutation.error}
            fields={FIELDS}
            conflict={
              cylinder
                ? conflict(
                    t('conflict.records.cylinder', {
                      name: [cylinder.refrigerant ?? t('inventory.mixed'), cylinder.serialNumber]
                        .filter(Boolean)
                        .join(' '),
                    }),
                  )
                : undefined
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
