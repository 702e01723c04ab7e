import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../api/site-types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/fields/DateField';
import { useEditedRecord } from '../../components/useEditedRecord';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { buildingName } from './building-name';
import { BUILDINGS_KEY, createBuilding, getBuilding, updateBuilding } from './locations-api';

const FIELDS = ['name', 'forecastEnabled', 'lastEnergyInspectionOn'];

type Props = { locationId: string; building: Building | null; onClose: () => void };

/**
 * Adds a building to a location or edits one (name, forecast switch, last energy inspection); an
 * edit someone else overtook is not written.
 */
export function BuildingFormModal({ locationId, building: opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initialValues = (b: Building | null) => ({
    name: b ? buildingName(t, b) : '',
    forecastEnabled: b?.forecastEnabled ?? true,
    lastEnergyInspectionOn: b?.lastEnergyInspectionOn ?? null,
  });
  const { values, set, setValues } = useFields(initialValues(opened));
  const { record: building, conflict } = useEditedRecord(opened, {
    fetchLatest: (b) => getBuilding(b.id),
    onReloaded: (latest) => {
      setValues(initialValues(latest));
      mutation.reset();
    },
    invalidate: [BUILDINGS_KEY],
  });
  const mutation = useMutation({
    mutationFn: () => {
      if (!building) return createBuilding(locationId, values);
      const patch = changedFields(initialValues(building), values);
      // The default building keeps its stored name unless someone really renamed it.
      return isEmpty(patch)
        ? Promise.resolve(building)
        : updateBuilding(building.id, { ...patch, version: building.version });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: BUILDINGS_KEY });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={building ? t('buildings.edit') : t('buildings.add')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('buildings.name')}
            required
            data-autofocus
            value={values.name}
            onChange={text(set('name'))}
            error={errors.name}
          />
          <Checkbox
            label={t('buildings.forecastEnabled')}
            description={t('buildings.forecastEnabledHelp')}
            checked={values.forecastEnabled}
            onChange={(e) => set('forecastEnabled')(e.currentTarget.checked)}
          />
          <DateField
            label={t('fields.lastEnergyInspectionOn')}
            value={values.lastEnergyInspectionOn}
            onChange={set('lastEnergyInspectionOn')}
            error={errors.lastEnergyInspectionOn}
            w={200}
          />
          <ErrorAlert
            error={mutation.error}
            fields={FIELDS}
            conflict={
              building
                ? conflict(t('conflict.records.building', { name: buildingName(t, building) }))
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
