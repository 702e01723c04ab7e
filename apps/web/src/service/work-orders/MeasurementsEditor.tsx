import { ActionIcon, Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../components/fields/NumberField';
import { IconPlus, IconTrash } from '../../components/icons';
import type { Measurement } from './activity-draft';

type Props = {
  value: Measurement[];
  onChange: (value: Measurement[]) => void;
  errorOf: (field: string) => string | undefined;
};

/** Name, value and unit per reading (pressures, temperatures, currents, …). */
export function MeasurementsEditor({ value, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const change = (index: number, next: Partial<Measurement>) =>
    onChange(value.map((m, i) => (i === index ? { ...m, ...next } : m)));
  return (
    <>
      {value.map((m, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('activities.measurementName')}
            value={m.name}
            onChange={(e) => change(index, { name: e.currentTarget.value })}
            error={errorOf(`measurements.${index}.name`)}
            style={{ flex: 2 }}
          />
          <NumberField
            label={t('activities.measurementValue')}
            value={m.value}
            onChange={(v) => change(index, { value: v })}
            error={errorOf(`measurements.${index}.value`)}
            decimalScale={3}
            style={{ flex: 1 }}
          />
          <TextInput
            label={t('activities.measurementUnit')}
            value={m.unit}
            onChange={(e) => change(index, { unit: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('activities.removeMeasurement')}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <IconTrash />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus />}
          onClick={() => onChange([...value, { name: '', value: null, unit: '' }])}
        >
          {t('activities.addMeasurement')}
        </Button>
      </Group>
    </>
  );
}
