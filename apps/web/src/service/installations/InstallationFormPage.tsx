import { Button, Group, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Installation } from '../../api/site-types';
import { AppBreadcrumbs } from '../../components/AppBreadcrumbs';
import { CenteredLoader } from '../../components/CenteredLoader';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useEditedRecord } from '../../components/useEditedRecord';
import { useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import {
  BUILDINGS_KEY,
  getLocation,
  listBuildings,
  LOCATIONS_KEY,
  locationTitle,
} from '../locations/locations-api';
import { draftOf, missingOf, type InstallationDraft } from './installation-form';
import { InstallationFormFields } from './InstallationFormFields';
import { installationTitle } from './installation-text';
import {
  createInstallation,
  getInstallation,
  INSTALLATIONS_KEY,
  updateInstallation,
} from './installations-api';
import { MissingAlert } from './MissingAlert';

/** /installations/new?locationId=… and /installations/:id/edit. */
export function InstallationFormPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const installation = useQuery({
    queryKey: [...INSTALLATIONS_KEY, id],
    queryFn: () => getInstallation(id ?? ''),
    enabled: Boolean(id),
  });
  const locationId = id ? installation.data?.locationId : (search.get('locationId') ?? undefined);
  const location = useQuery({
    queryKey: [...LOCATIONS_KEY, locationId],
    queryFn: () => getLocation(locationId ?? ''),
    enabled: Boolean(locationId),
  });
  const buildings = useQuery({
    queryKey: [...BUILDINGS_KEY, locationId],
    queryFn: () => listBuildings(locationId ?? ''),
    enabled: Boolean(locationId),
  });
  const error = installation.error ?? location.error ?? buildings.error;
  if (error) return <ErrorAlert error={error} />;
  if ((id && !installation.data) || !location.data || !buildings.data) return <CenteredLoader />;
  return (
    <InstallationForm
      installation={installation.data ?? null}
      locationId={location.data.id}
      crumbs={{
        customer: location.data.customerName,
        customerId: location.data.customerId,
        location: locationTitle(location.data),
      }}
      buildings={buildings.data}
      defaultBuildingId={location.data.defaultBuildingId}
    />
  );
}

type FormProps = {
  installation: Installation | null;
  locationId: string;
  crumbs: { customer: string; customerId: string; location: string };
  buildings: Parameters<typeof InstallationFormFields>[0]['buildings'];
  defaultBuildingId: string | null;
};

const toInput = (d: InstallationDraft) => ({ ...d, buildingId: d.buildingId ?? undefined });

/**
 * Adds an installation or edits one. The edit is made on the version the page loaded: when
 * someone else saved the installation meanwhile nothing is written, and the form offers the
 * latest version while keeping what was typed until then.
 */
function InstallationForm({
  installation: opened,
  locationId,
  crumbs,
  buildings,
  defaultBuildingId,
}: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initialOf = (i: Installation | null): InstallationDraft => ({
    ...draftOf(i),
    buildingId: i?.buildingId ?? defaultBuildingId,
  });
  const { values, set, setValues } = useFields<InstallationDraft>(initialOf(opened));
  const { record: installation, conflict } = useEditedRecord(opened, {
    fetchLatest: (i) => getInstallation(i.id),
    onReloaded: (latest) => {
      setValues(initialOf(latest));
      mutation.reset();
    },
    invalidate: [INSTALLATIONS_KEY],
  });
  const initial = initialOf(installation);
  const mutation = useMutation({
    mutationFn: () => {
      if (!installation) return createInstallation({ locationId, ...toInput(values) });
      const patch = changedFields(toInput(initial), toInput(values));
      return isEmpty(patch)
        ? Promise.resolve(installation)
        : updateInstallation(installation.id, { ...patch, version: installation.version });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: INSTALLATIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: BUILDINGS_KEY });
      notifications.show({ color: 'climalog', message: t('installations.saved') });
      navigate(`/installations/${saved.id}`);
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, [...Object.keys(initial)]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const title = installation
    ? t('installations.editTitle', { name: installationTitle(t, installation) })
    : t('installations.add');

  return (
    <Stack gap="lg">
      <AppBreadcrumbs
        items={[
          { label: t('customers.title'), to: '/customers' },
          { label: crumbs.customer, to: `/customers/${crumbs.customerId}` },
          { label: crumbs.location, to: `/locations/${locationId}` },
          ...(installation
            ? [{ label: installationTitle(t, installation), to: `/installations/${installation.id}` }]
            : []),
          { label: installation ? t('common.edit') : t('installations.add') },
        ]}
      />
      <PageHeader title={title} />
      <form onSubmit={submit} noValidate>
        <Paper withBorder radius="md" p="md">
          <Stack gap="lg">
            <InstallationFormFields values={values} set={set} errors={errors} buildings={buildings} />
            <MissingAlert missing={missingOf(values)} />
            <ErrorAlert
              error={mutation.error}
              fields={Object.keys(errors)}
              conflict={
                installation
                  ? conflict(t('conflict.records.installation', { name: installationTitle(t, installation) }))
                  : undefined
              }
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(-1)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
    </Stack>
  );
}
