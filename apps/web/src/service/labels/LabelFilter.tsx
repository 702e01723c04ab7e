import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LabelScope } from '../../api/work-types';
import { LABELS_KEY, listLabels } from './labels-api';

type Props = { scope: LabelScope; value: string | null; onChange: (id: string | null) => void };

/** "Only records with this label"; hidden while no label of the scope exists. */
export function LabelFilter({ scope, value, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useQuery({ queryKey: [...LABELS_KEY, scope], queryFn: () => listLabels(scope) });
  const items = labels.data ?? [];
  if (items.length === 0) return null;
  return (
    <Select
      label={t('labels.filter')}
      placeholder={t('common.all')}
      data={items.map((l) => ({ value: l.id, label: l.name }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      w={200}
    />
  );
}
