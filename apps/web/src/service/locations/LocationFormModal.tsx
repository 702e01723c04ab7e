import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Location, type Region } from '../../api/site-types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelPicker } from '../../components/LabelPicker';
import { useEditedRecord } from '../../components/useEditedRecord';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { ContactsEditor, fromDrafts, toDrafts } from './ContactsEditor';
import {
  createLocation,
  getLocation,
  LOCATIONS_KEY,
  locationTitle,
  regionFromAddress,
  updateLocation,
  type LocationInput,
} from './locations-api';

const FIELDS = [
  'name',
  'street',
  'number',
  'box',
  'postcode',
  'city',
  'country',
  'region',
  'notes',
  'labelIds',
];
const AUTO = 'auto';

type Props = {
  customerId: string;
  location: Location | null;
  onClose: () => void;
  onSaved?: (location: Location) => void;
};

function initialValues(l: Location | null) {
  return {
    name: l?.name ?? '',
    street: l?.street ?? '',
    number: l?.number ?? '',
    box: l?.box ?? '',
    postcode: l?.postcode ?? '',
    city: l?.city ?? '',
    country: l?.country ?? 'BE',
    region: !l || l.regionDerived ? AUTO : (l.region ?? AUTO),
    notes: l?.notes ?? '',
    contacts: toDrafts(l?.contacts ?? []),
    labelIds: l?.labels.map((x) => x.id) ?? [],
  };
}

function toInput(customerId: string, v: ReturnType<typeof initialValues>): LocationInput {
  return {
    customerId,
    name: v.name,
    street: v.street,
    number: v.number,
    box: v.box,
    postcode: v.postcode,
    city: v.city,
    country: v.country.trim().toUpperCase(),
    region: v.region === AUTO ? null : (v.region as Region),
    notes: v.notes,
    contacts: fromDrafts(v.contacts),
    labelIds: v.labelIds,
  };
}

/**
 * Adds a location to a customer or edits one; the region follows the postcode unless chosen. An
 * edit someone else overtook is not written: the form offers the latest version instead.
 */
export function LocationFormModal({ customerId, location: opened, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, setValues } = useFields(initialValues(opened));
  const { record: location, conflict } = useEditedRecord(opened, {
    fetchLatest: (l) => getLocation(l.id),
    onReloaded: (latest) => {
      setValues(initialValues(latest));
      mutation.reset();
    },
    invalidate: [LOCATIONS_KEY],
  });
  const mutation = useMutation({
    mutationFn: () => {
      const input = toInput(customerId, values);
      if (!location) return createLocation(input);
      const { customerId: _c, ...patch } = changedFields(toInput(customerId, initialValues(location)), input);
      return isEmpty(patch)
        ? Promise.resolve(location)
        : updateLocation(location.id, { ...patch, version: location.version });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: LOCATIONS_KEY });
      notifications.show({ color: 'climalog', message: t('locations.saved') });
      onSaved?.(saved);
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, [
    ...FIELDS,
    ...values.contacts.flatMap((_, i) => [`contacts.${i}.name`, `contacts.${i}.email`]),
  ]);
  const derived = regionFromAddress(values.country, values.postcode);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const input = (field: 'name' | 'street' | 'number' | 'box' | 'postcode' | 'city' | 'country') => ({
    label: t(`locations.${field}`),
    value: values[field],
    onChange: text(set(field)),
    error: errors[field],
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={location ? t('locations.edit') : t('locations.add')}
      centered
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput {...input('name')} description={t('locations.nameHelp')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput {...input('street')} style={{ gridColumn: 'span 2' }} />
            <TextInput {...input('number')} />
            <TextInput {...input('box')} />
            <TextInput {...input('postcode')} />
            <TextInput {...input('city')} style={{ gridColumn: 'span 2' }} />
            <TextInput {...input('country')} maxLength={2} description={t('locations.countryHelp')} />
          </SimpleGrid>
          <Group align="flex-end" gap="md">
            <Select
              label={t('locations.region')}
              data={[
                { value: AUTO, label: t('locations.regionAuto') },
                ...REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) })),
              ]}
              value={values.region}
              onChange={(v) => set('region')(v ?? AUTO)}
              allowDeselect={false}
              error={errors.region}
              w={320}
            />
            <Text size="sm" c={derived ? 'climalog.7' : 'dimmed'} aria-live="polite" pb={8}>
              {derived
                ? t('locations.regionHint', { region: t(`regions.${derived}`) })
                : t('locations.regionUnknown')}
            </Text>
          </Group>
          <ContactsEditor value={values.contacts} onChange={set('contacts')} errorOf={(f) => errors[f]} />
          <LabelPicker
            scope="location"
            value={values.labelIds}
            onChange={set('labelIds')}
            error={errors.labelIds}
          />
          <Textarea
            label={t('locations.notes')}
            autosize
            minRows={2}
            value={values.notes}
            onChange={text(set('notes'))}
            error={errors.notes}
          />
          <ErrorAlert
            error={mutation.error}
            fields={Object.keys(errors)}
            conflict={
              location
                ? conflict(t('conflict.records.location', { name: locationTitle(location) }))
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
