import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
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
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { InstallationsList } from '../installations/InstallationsList';
import { LocationFormModal } from '../locations/LocationFormModal';
import { addressLine, listLocations, LOCATIONS_KEY, locationTitle } from '../locations/locations-api';
import { PortalAccessSection } from '../portal-access/PortalAccessSection';
import { CustomerFacts } from './CustomerFacts';
import { CustomerFormModal } from './CustomerFormModal';
import { CUSTOMERS_KEY, deleteCustomer, getCustomer } from './customers-api';
import { MergeCustomerModal } from './MergeCustomerModal';

type Dialog = 'edit' | 'merge' | 'delete' | 'location' | null;

/** A customer with its details, its locations and its installations; merge a duplicate into it. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({ queryKey: [...CUSTOMERS_KEY, id], queryFn: () => getCustomer(id) });
  const locations = useQuery({
    queryKey: [...LOCATIONS_KEY, 'of', id],
    queryFn: () => listLocations({ customerId: id }, undefined, 200),
  });
  const remove = useMutation({
    mutationFn: () => deleteCustomer(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      notifications.show({
        color: 'climalog',
        message: t('customers.deleted', { name: query.data?.name ?? '' }),
      });
      navigate('/customers');
    },
  });
  if (query.isPending) return <CenteredLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const c = query.data;

  return (
    <Stack gap="lg">
      <AppBreadcrumbs items={[{ label: t('customers.title'), to: '/customers' }, { label: c.name }]} />
      <PageHeader
        title={c.name}
        description={c.internalName || undefined}
        actions={
          <>
            {c.abilities.update && (
              <Button variant="default" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )}
            {c.abilities.delete && (
              <Button variant="default" onClick={() => setDialog('merge')}>
                {t('customers.merge')}
              </Button>
            )}
            {c.abilities.delete && (
              <Button variant="default" color="red" onClick={() => setDialog('delete')}>
                {t('common.delete')}
              </Button>
            )}
            <Button component={Link} to={`/work-orders/new?customerId=${c.id}`} leftSection={<IconPlus />}>
              {t('workOrders.add')}
            </Button>
          </>
        }
      />
      <Section title={t('customers.details')}>
        <CustomerFacts customer={c} />
      </Section>
      <Section
        title={t('locations.title')}
        actions={
          <Button size="xs" variant="light" leftSection={<IconPlus />} onClick={() => setDialog('location')}>
            {t('locations.add')}
          </Button>
        }
      >
        <ErrorAlert error={locations.error} />
        {locations.data?.items.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('locations.empty')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {locations.data?.items.map((l) => (
            <Paper key={l.id} withBorder p="sm" radius="sm">
              <Stack gap={2}>
                <Anchor component={Link} to={`/locations/${l.id}`} fw={600}>
                  {locationTitle(l)}
                </Anchor>
                {l.name && <Text size="sm">{addressLine(l)}</Text>}
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {l.region ? t(`regions.${l.region}`) : t('locations.regionUnknown')}
                  </Text>
                  {l.contacts[0] && (
                    <Text size="xs" c="dimmed">
                      · {l.contacts[0].name}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Section>
      <Section title={t('installations.title')}>
        <InstallationsList
          filters={{ customerId: c.id }}
          showCustomer={false}
          empty={t('installations.emptyHere')}
        />
      </Section>
      <PortalAccessSection scope="customer" id={c.id} />
      {dialog === 'edit' && <CustomerFormModal customer={c} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeCustomerModal customer={c} onClose={() => setDialog(null)} />}
      {dialog === 'location' && (
        <LocationFormModal
          customerId={c.id}
          location={null}
          onClose={() => setDialog(null)}
          onSaved={(l) => navigate(`/locations/${l.id}`)}
        />
      )}
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('customers.deleteTitle')}
        message={t('customers.deleteConfirm', { name: c.name })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setDialog(null);
          remove.reset();
        }}
      />
    </Stack>
  );
}
