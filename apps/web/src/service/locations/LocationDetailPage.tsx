import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AppBreadcrumbs } from '../../components/AppBreadcrumbs';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { InfoGrid } from '../../components/InfoGrid';
import { LabelChips } from '../../components/LabelChips';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { InstallationsList } from '../installations/InstallationsList';
import { PortalAccessSection } from '../portal-access/PortalAccessSection';
import { BuildingsSection } from './BuildingsSection';
import { LocationFormModal } from './LocationFormModal';
import { addressLine, deleteLocation, getLocation, LOCATIONS_KEY, locationTitle } from './locations-api';

/** A location: address and region, contacts, buildings with their energy inspection, installations. */
export function LocationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [...LOCATIONS_KEY, id], queryFn: () => getLocation(id) });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteLocation(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LOCATIONS_KEY });
      notifications.show({ color: 'climalog', message: t('locations.deleted') });
      navigate(`/customers/${query.data?.customerId ?? ''}`);
    },
  });
  if (query.isPending) return <CenteredLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const l = query.data;
  const region = l.region
    ? `${t(`regions.${l.region}`)}${l.regionDerived ? ` (${t('locations.derived')})` : ''}`
    : t('locations.regionUnknown');

  return (
    <Stack gap="lg">
      <AppBreadcrumbs
        items={[
          { label: t('customers.title'), to: '/customers' },
          { label: l.customerName, to: `/customers/${l.customerId}` },
          { label: locationTitle(l) },
        ]}
      />
      <PageHeader
        title={locationTitle(l)}
        description={l.name ? addressLine(l) : undefined}
        actions={
          <>
            {l.abilities.update && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {l.abilities.delete && (
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            )}
            <Button component={Link} to={`/installations/new?locationId=${l.id}`} leftSection={<IconPlus />}>
              {t('installations.add')}
            </Button>
          </>
        }
      />
      <Section title={t('locations.details')}>
        <InfoGrid
          items={[
            { label: t('locations.address'), value: addressLine(l) },
            { label: t('locations.region'), value: region },
            { label: t('locations.externalReference'), value: l.externalReference },
            { label: t('labels.field'), value: l.labels.length ? <LabelChips labels={l.labels} /> : null },
            { label: t('locations.notes'), value: l.notes },
          ]}
        />
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('locations.contacts')}
          </Text>
          {l.contacts.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('locations.noContacts')}
            </Text>
          )}
          {l.contacts.map((c) => (
            <Group key={c.id ?? c.name} gap="xs">
              <Text size="sm" fw={500}>
                {c.name}
              </Text>
              {[c.role, c.email, c.phone].filter(Boolean).map((part) => (
                <Text key={part} size="sm" c="dimmed">
                  · {part}
                </Text>
              ))}
            </Group>
          ))}
        </Stack>
      </Section>
      <BuildingsSection locationId={l.id} canEdit={l.abilities.update} />
      <Section title={t('installations.title')}>
        <InstallationsList
          filters={{ locationId: l.id }}
          showCustomer={false}
          empty={t('installations.emptyHere')}
        />
      </Section>
      <PortalAccessSection scope="location" id={l.id} />
      {editing && (
        <LocationFormModal customerId={l.customerId} location={l} onClose={() => setEditing(false)} />
      )}
      <ConfirmModal
        opened={deleting}
        title={t('locations.deleteTitle')}
        message={t('locations.deleteConfirm', { name: locationTitle(l) })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
      />
    </Stack>
  );
}
