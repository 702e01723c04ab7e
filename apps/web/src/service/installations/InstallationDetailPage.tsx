import { Alert, Button, Stack } from '@mantine/core';
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
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { InstallationDocuments } from '../documents/InstallationDocuments';
import { buildingName } from '../locations/building-name';
import {
  getBuilding,
  getLocation,
  LOCATIONS_KEY,
  BUILDINGS_KEY,
  locationTitle,
} from '../locations/locations-api';
import { ComponentsSection } from './ComponentsSection';
import { ForecastsSection } from './ForecastsSection';
import { InstallationFacts } from './InstallationFacts';
import { installationTitle } from './installation-text';
import {
  archiveInstallation,
  deleteInstallation,
  getInstallation,
  INSTALLATIONS_KEY,
} from './installations-api';
import { LogbookSection } from './LogbookSection';
import { MissingAlert } from './MissingAlert';

/** One installation: properties, forecasts with their reasons, leak loss, components, logbook. */
export function InstallationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'archive' | 'delete' | null>(null);
  const query = useQuery({ queryKey: [...INSTALLATIONS_KEY, id], queryFn: () => getInstallation(id) });
  const i = query.data;
  const location = useQuery({
    queryKey: [...LOCATIONS_KEY, i?.locationId],
    queryFn: () => getLocation(i?.locationId ?? ''),
    enabled: Boolean(i),
  });
  const building = useQuery({
    queryKey: [...BUILDINGS_KEY, 'one', i?.buildingId],
    queryFn: () => getBuilding(i?.buildingId ?? ''),
    enabled: Boolean(i),
  });
  const archive = useMutation({
    mutationFn: () => archiveInstallation(id, !i?.archived),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: INSTALLATIONS_KEY });
      notifications.show({
        color: 'climalog',
        message: saved.archived ? t('installations.archivedDone') : t('installations.unarchivedDone'),
      });
      setConfirm(null);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteInstallation(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: INSTALLATIONS_KEY });
      navigate(`/locations/${i?.locationId ?? ''}`);
    },
  });
  if (query.isPending) return <CenteredLoader />;
  if (query.isError || !i) return <ErrorAlert error={query.error} />;
  const title = installationTitle(t, i);

  return (
    <Stack gap="lg">
      <AppBreadcrumbs
        items={[
          { label: i.customerName, to: `/customers/${i.customerId}` },
          { label: location.data ? locationTitle(location.data) : '…', to: `/locations/${i.locationId}` },
          { label: building.data ? buildingName(t, building.data) : '…', to: `/locations/${i.locationId}` },
          { label: title },
        ]}
      />
      <PageHeader
        title={title}
        description={[i.kind && t(`kinds.${i.kind}`), i.refrigerant, i.token].filter(Boolean).join(' · ')}
        actions={
          <>
            {i.abilities.update && (
              <Button component={Link} to={`/installations/${i.id}/edit`} variant="default">
                {t('common.edit')}
              </Button>
            )}
            {i.abilities.archive && (
              <Button
                variant="default"
                onClick={() => (i.archived ? archive.mutate() : setConfirm('archive'))}
              >
                {i.archived ? t('installations.unarchive') : t('installations.archive')}
              </Button>
            )}
            {i.abilities.delete && (
              <Button variant="default" color="red" onClick={() => setConfirm('delete')}>
                {t('common.delete')}
              </Button>
            )}
            {!i.archived && (
              <Button
                component={Link}
                to={`/work-orders/new?installationId=${i.id}`}
                leftSection={<IconPlus />}
              >
                {t('workOrders.add')}
              </Button>
            )}
          </>
        }
      />
      {i.archived && (
        <Alert color="gray" variant="light">
          {t('installations.archivedText')}
        </Alert>
      )}
      <MissingAlert missing={i.missing} />
      <ErrorAlert error={archive.error} />
      <Section title={t('installations.properties')}>
        <InstallationFacts installation={i} />
      </Section>
      <ForecastsSection installation={i} />
      <LogbookSection installationId={i.id} />
      <InstallationDocuments installation={i} />
      <AttachmentsSection installation={i} />
      <ComponentsSection installation={i} />
      <ConfirmModal
        opened={confirm !== null}
        title={confirm === 'delete' ? t('installations.deleteTitle') : t('installations.archiveTitle')}
        message={
          confirm === 'delete'
            ? t('installations.deleteConfirm', { name: title })
            : t('installations.archiveConfirm', { name: title })
        }
        confirmLabel={confirm === 'delete' ? t('common.delete') : t('installations.archive')}
        danger={confirm === 'delete'}
        loading={archive.isPending || remove.isPending}
        error={confirm === 'delete' ? remove.error : archive.error}
        onConfirm={() => (confirm === 'delete' ? remove.mutate() : archive.mutate())}
        onClose={() => {
          setConfirm(null);
          remove.reset();
          archive.reset();
        }}
      />
    </Stack>
  );
}
