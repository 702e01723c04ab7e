import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The product mark and name. */
export function Logo({ size = 28 }: { size?: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-climalog-6)" />
        <path
          d="M16 7v18M8.2 11.5l15.6 9M8.2 20.5l15.6-9"
          stroke="#fff"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
      </svg>
      <Text fw={700} fz="lg" c="var(--mantine-color-climalog-8)" style={{ letterSpacing: '-0.01em' }}>
        {t('common.appName')}
      </Text>
    </Group>
  );
}
