import { ColorSwatch, Group, MultiSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LabelScope } from '../api/work-types';
import { LABELS_KEY, listLabels } from '../service/labels/labels-api';

type Props = {
  scope: LabelScope;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
};

/** Picks labels of one scope; each option shows its colour. */
export function LabelPicker({ scope, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const labels = useQuery({ queryKey: [...LABELS_KEY, scope], queryFn: () => listLabels(scope) });
  const items = labels.data ?? [];
  const colourOf = (id: string) => items.find((l) => l.id === id)?.colour ?? '#868e96';
  return (
    <MultiSelect
      label={t('labels.field')}
      placeholder={items.length === 0 ? t('labels.noneDefined') : undefined}
      data={items.map((l) => ({ value: l.id, label: l.name }))}
      value={value}
      onChange={onChange}
      error={error}
      searchable
      clearable
      disabled={labels.isSuccess && items.length === 0}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap">
          <ColorSwatch color={colourOf(option.value)} size={14} />
          <Text size="sm">{option.label}</Text>
        </Group>
      )}
    />
  );
}
