import { Select, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getSettings, SETTINGS_KEY } from '../settings/settings-api';

type Props = { value: string; onChange: (value: string) => void; error?: string };

/** The work order's notes; a note template from the settings is added at the end. */
export function NotesField({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: getSettings });
  const templates = settings.data?.noteTemplates ?? [];
  const sorted = [...templates].sort(
    (a, b) =>
      Number(b.language === i18n.language) - Number(a.language === i18n.language) ||
      a.name.localeCompare(b.name),
  );
  return (
    <Stack gap="xs">
      {templates.length > 0 && (
        <Select
          label={t('workOrders.insertTemplate')}
          placeholder={t('workOrders.chooseTemplate')}
          data={sorted.map((n, index) => ({
            value: String(index),
            label: `${n.name} (${n.language.toUpperCase()})`,
          }))}
          value={null}
          onChange={(index) => {
            const template = index === null ? undefined : sorted[Number(index)];
            if (template) onChange(value.trim() ? `${value.trimEnd()}\n${template.body}` : template.body);
          }}
          searchable
          maw={420}
        />
      )}
      <Textarea
        label={t('workOrders.notes')}
        autosize
        minRows={3}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
      />
    </Stack>
  );
}
