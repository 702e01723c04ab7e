import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The details of an event as "key: value" lines (not translated: they are recorded data). */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(details);
  if (entries.length === 0) return <Text c="dimmed">{t('common.none')}</Text>;
  return (
    <Stack gap={0} maw={230} style={{ overflowWrap: 'anywhere' }}>
      {entries.map(([key, value]) => (
        <Text key={key} size="xs" ff="monospace" lh={1.45}>
          <Text span size="xs" c="dimmed" ff="monospace">
            {key}:
          </Text>{' '}
          {show(value)}
        </Text>
      ))}
    </Stack>
  );
}
