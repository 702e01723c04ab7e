import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Navigate } from 'react-router-dom';
import { IconAlert } from '../../components/icons';
import type { PortalInstallation, PortalLocation } from '../api';
import { usePortalT } from '../i18n';
import { usePortalSession } from '../session';
import { ErrorMessage, Loading, usePageTitle } from '../ui';
import { InstallationCard } from './InstallationCard';
import { installationName, locationName, overdueCount } from './installation-text';
import { useInstallations } from './use-installations';

type Group = { location: PortalLocation; installations: PortalInstallation[] };

/** Installations per location, locations and installations in alphabetical order. */
function groupByLocation(
  items: PortalInstallation[],
  locations: PortalLocation[],
  name: (i: PortalInstallation) => string,
  other: string,
): Group[] {
  const known = new Map(locations.map((l) => [l.id, l]));
  const groups = new Map<string, Group>();
  for (const item of items) {
    const location = known.get(item.locationId) ?? { id: item.locationId, name: other, address: '' };
    const group = groups.get(location.id) ?? { location, installations: [] };
    group.installations.push(item);
    groups.set(location.id, group);
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  for (const group of groups.values()) group.installations.sort((a, b) => collator.compare(name(a), name(b)));
  return [...groups.values()].sort((a, b) =>
    collator.compare(locationName(a.location), locationName(b.location)),
  );
}

function LocationSection({ group }: { group: Group }) {
  const headingId = useId();
  const { location } = group;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Stack gap={0}>
        <Title order={2} size="h3" id={headingId}>
          {locationName(location)}
        </Title>
        {location.name.trim() && location.address && (
          <Text size="sm" c="dimmed">
            {location.address}
          </Text>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {group.installations.map((i) => (
          <InstallationCard key={i.id} installation={i} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The start page: every installation this code may see, grouped by location. */
export function InstallationsPage() {
  const session = usePortalSession();
  const t = usePortalT();
  usePageTitle(t('installations.title'));
  const query = useInstallations();

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const { items, locations } = query.data;
  // One installation behind an installation token: its page is the portal.
  if (session.singleInstallation && items.length === 1) {
    return <Navigate to={`/installations/${items[0]!.id}`} replace />;
  }
  const groups = groupByLocation(
    items,
    locations,
    (i) => installationName(t, i),
    t('installations.otherLocation'),
  );
  const overdue = overdueCount(items);
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>{t('installations.title')}</Title>
        <Text c="dimmed">
          {t('installations.installationCount', { count: items.length })}{' '}
          {t('installations.locationCount', { count: groups.length })}
        </Text>
      </Stack>
      {overdue > 0 && (
        <Alert color="red" variant="light" icon={<IconAlert />}>
          {t('installations.overdue', { count: overdue })}
        </Alert>
      )}
      {items.length === 0 && <Text>{t('installations.empty')}</Text>}
      {groups.map((group) => (
        <LocationSection key={group.location.id} group={group} />
      ))}
    </Stack>
  );
}
