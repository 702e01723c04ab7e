import { SimpleGrid, Stack, Text } from '@mantine/core';
import { usePortalT } from '../i18n';
import type { Fact } from './installation-text';

/** Label/value pairs as a description list; an unknown value says so instead of leaving a gap. */
export function FactList({ facts, cols = 2 }: { facts: Fact[]; cols?: number }) {
  const t = usePortalT();
  return (
    <SimpleGrid cols={{ base: 2, sm: cols }} spacing="md" verticalSpacing="xs" component="dl" m={0}>
      {facts.map((fact) => (
        <Stack key={fact.label} gap={0} style={fact.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text component="dt" size="xs" c="dimmed">
            {fact.label}
          </Text>
          <Text
            component="dd"
            m={0}
            size="sm"
            fw={fact.value ? 500 : undefined}
            c={fact.value ? undefined : 'dimmed'}
            ff={fact.mono ? 'monospace' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            {fact.value || t('facts.notFilledIn')}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
