import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type InfoItem = { label: string; value: ReactNode };

/** Read-only facts as label/value pairs; an empty value shows a dash. */
export function InfoGrid({ items, cols = 3 }: { items: InfoItem[]; cols?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: cols }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {items.map((item) => (
        <Stack key={item.label} gap={2}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {item.label}
          </Text>
          <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.value === null || item.value === undefined || item.value === ''
              ? t('common.none')
              : item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
