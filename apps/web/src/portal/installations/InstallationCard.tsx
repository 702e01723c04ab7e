import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { PortalInstallation } from '../api';
import { useFormat } from '../format';
import { usePortalT } from '../i18n';
import { CheckList } from './Checks';
import { FactList } from './FactList';
import { cardFacts, checksOf, installationName } from './installation-text';

/** One installation on the overview: what it is, its key figures and its next legal checks. */
export function InstallationCard({ installation: i }: { installation: PortalInstallation }) {
  const t = usePortalT();
  const f = useFormat();
  const titleId = useId();
  const name = installationName(t, i);
  const checks = checksOf(i);
  const brandModel = [i.brand, i.model].filter(Boolean).join(' ');
  const subtitle = i.reference.trim() ? brandModel : '';
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={titleId}
      className="portal-card"
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0} miw={0}>
            <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            {subtitle && (
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            )}
          </Stack>
          {i.kind && (
            <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {t(`kinds.${i.kind}`)}
            </Badge>
          )}
        </Group>
        <FactList facts={cardFacts(t, f, i)} />
        <Divider />
        <Text fw={600} size="sm" c="climalog.8">
          {t('installations.nextChecks')}
        </Text>
        {checks.length > 0 ? (
          <CheckList checks={checks} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('installations.noChecks')}
          </Text>
        )}
        {i.leakLoss?.exceeded && (
          <Text size="sm" c="red.8" fw={500}>
            {t('checks.leakLossExceeded')}
          </Text>
        )}
        <Button
          component={Link}
          to={`/installations/${i.id}`}
          variant="light"
          mt="auto"
          aria-label={t('installations.openLabel', { name })}
          rightSection={<span aria-hidden="true">→</span>}
        >
          {t('installations.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
