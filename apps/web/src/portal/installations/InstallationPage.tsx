import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useFormat } from '../format';
import { usePortalT } from '../i18n';
import { usePortalSession } from '../session';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ErrorMessage, Loading, usePageTitle } from '../ui';
import { CheckList, LeakLossNote } from './Checks';
import { FactList } from './FactList';
import { checksOf, detailFacts, installationName, locationName } from './installation-text';
import { Logbook } from './Logbook';
import { LogbookExport } from './LogbookExport';
import { useInstallations } from './use-installations';

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * One installation: its properties, its legal checks explained, the logbook export an inspector can
 * verify, and the logbook with the work orders and certificates.
 */
export function InstallationPage() {
  const session = usePortalSession();
  const t = usePortalT();
  const f = useFormat();
  const { id } = useParams();
  const query = useInstallations();
  const installation = query.data?.items.find((i) => i.id === id);
  usePageTitle(installation ? installationName(t, installation) : t('installations.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!installation) return <NotFoundPage text={t('installation.notFound')} />;
  const location = query.data.locations.find((l) => l.id === installation.locationId);
  const checks = checksOf(installation);
  return (
    <Stack gap="lg">
      {!session.singleInstallation && (
        <Anchor component={Link} to="/" size="sm" style={{ alignSelf: 'flex-start' }}>
          <span aria-hidden="true">← </span>
          {t('installation.back')}
        </Anchor>
      )}
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {installationName(t, installation)}
          </Title>
          {installation.kind && (
            <Badge variant="outline" color="gray">
              {t(`kinds.${installation.kind}`)}
            </Badge>
          )}
        </Group>
        {location && (
          <Text c="dimmed">
            {[location.name.trim(), location.address].filter(Boolean).join(' · ') || locationName(location)}
          </Text>
        )}
      </Stack>
      <Section title={t('installation.properties')}>
        <FactList facts={detailFacts(t, f, installation)} cols={3} />
      </Section>
      <Section title={t('installation.checks')}>
        {checks.length > 0 ? (
          <CheckList checks={checks} detailed />
        ) : (
          <Text size="sm" c="dimmed">
            {t('installations.noChecks')}
          </Text>
        )}
        {installation.leakLoss && <LeakLossNote leakLoss={installation.leakLoss} />}
      </Section>
      <Section title={t('logbookExport.title')} intro={t('logbookExport.intro')}>
        <LogbookExport installation={installation} />
      </Section>
      <Section title={t('logbook.title')} intro={t('logbook.intro')}>
        <Logbook installationId={installation.id} />
      </Section>
    </Stack>
  );
}
