import {
  ActionIcon,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cylinder } from '../../api/work-types';
import { NumberField } from '../../components/fields/NumberField';
import { IconTrash } from '../../components/icons';
import { useNumberFormat } from '../../i18n/format';
import { useRefrigerants } from '../installations/useRefrigerants';
import { COMBUSTION_KEYS, LEAK_METHODS, WITH_DESCRIPTION, type ActivityDraft } from './activity-draft';
import { MeasurementsEditor } from './MeasurementsEditor';

type Props = {
  draft: ActivityDraft;
  installationName: string;
  cylinders: Cylinder[];
  onChange: (draft: ActivityDraft) => void;
  onRemove: () => void;
  errorOf: (field: string) => string | undefined;
};

/** The fields of one activity, by its type. */
export function ActivityEditor({ draft, installationName, cylinders, onChange, onRemove, errorOf }: Props) {
  const { t } = useTranslation();
  const { kg } = useNumberFormat();
  const refrigerants = useRefrigerants();
  const set =
    <K extends keyof ActivityDraft>(field: K) =>
    (value: ActivityDraft[K]) =>
      onChange({ ...draft, [field]: value });
  const title = t(`activities.types.${draft.type}`);
  const isRefrigerant = draft.type === 'refrigerant_added' || draft.type === 'refrigerant_recovered';
  const cylinderKind = draft.type === 'refrigerant_added' ? 'supply' : 'recovery';
  const cylinderOptions = cylinders
    .filter(
      (c) =>
        c.kind === cylinderKind &&
        (!draft.refrigerant || !c.refrigerant || c.refrigerant === draft.refrigerant),
    )
    .map((c) => ({
      value: c.id,
      label: `${c.serialNumber || c.refrigerant || t('inventory.cylinder')} · ${c.refrigerant ?? t('inventory.mixed')} · ${kg(c.contentKg)}`,
    }));

  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={`${title} — ${installationName}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {title}{' '}
            <Text span c="dimmed" fw={400}>
              · {installationName}
            </Text>
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('activities.remove', { type: title })}
          >
            <IconTrash />
          </ActionIcon>
        </Group>
        {draft.type === 'leak_check' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('activities.result')}
              data={(['no_leak', 'leak_found'] as const).map((r) => ({
                value: r,
                label: t(`activities.results.${r}`),
              }))}
              value={draft.result}
              onChange={(v) => set('result')(v as ActivityDraft['result'])}
              error={errorOf('result')}
              clearable
            />
            <Select
              label={t('activities.method')}
              data={LEAK_METHODS.map((m) => ({ value: m, label: t(`activities.methods.${m}`) }))}
              value={draft.method}
              onChange={(v) => set('method')(v as ActivityDraft['method'])}
              error={errorOf('method')}
              clearable
            />
            {draft.result === 'leak_found' && (
              <TextInput
                label={t('activities.leakLocation')}
                value={draft.leakLocation}
                onChange={(e) => set('leakLocation')(e.currentTarget.value)}
              />
            )}
          </SimpleGrid>
        )}
        {isRefrigerant && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('fields.refrigerant')}
              data={refrigerants.options}
              value={draft.refrigerant}
              onChange={set('refrigerant')}
              error={errorOf('refrigerant')}
              searchable
              required
            />
            <NumberField
              label={t('activities.quantityKg')}
              value={draft.quantityKg}
              onChange={set('quantityKg')}
              error={errorOf('quantityKg')}
              min={0}
              decimalScale={3}
              required
            />
            <Select
              label={
                draft.type === 'refrigerant_added' ? t('activities.fromCylinder') : t('activities.toCylinder')
              }
              data={cylinderOptions}
              value={draft.cylinderId}
              onChange={set('cylinderId')}
              error={errorOf('cylinderId')}
              placeholder={t('activities.noCylinder')}
              clearable
            />
            {draft.type === 'refrigerant_added' && (
              <Checkbox
                label={t('activities.recycled')}
                checked={draft.recycled}
                onChange={(e) => set('recycled')(e.currentTarget.checked)}
              />
            )}
          </SimpleGrid>
        )}
        {draft.type === 'measurements' && (
          <MeasurementsEditor value={draft.measurements} onChange={set('measurements')} errorOf={errorOf} />
        )}
        {draft.type === 'heating_maintenance' && (
          <Stack gap="xs">
            <Checkbox
              label={t('activities.cleaned')}
              checked={draft.cleaned}
              onChange={(e) => set('cleaned')(e.currentTarget.checked)}
            />
            <Text size="sm" fw={500}>
              {t('activities.combustionTitle')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {COMBUSTION_KEYS.map((key) => (
                <NumberField
                  key={key}
                  label={t(`activities.combustion.${key}`)}
                  value={draft.combustion[key]}
                  onChange={(v) => set('combustion')({ ...draft.combustion, [key]: v })}
                  error={errorOf(`combustion.${key}`)}
                  decimalScale={2}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}
        {WITH_DESCRIPTION.includes(draft.type) && (
          <Textarea
            label={t('activities.description')}
            autosize
            minRows={1}
            value={draft.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errorOf('description')}
          />
        )}
        <TextInput
          label={t('activities.notes')}
          value={draft.notes}
          onChange={(e) => set('notes')(e.currentTarget.value)}
          error={errorOf('notes')}
        />
      </Stack>
    </Paper>
  );
}
