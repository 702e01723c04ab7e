import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../api/work-types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useEditedRecord } from '../../components/useEditedRecord';
import { useFields } from '../../components/useFields';
import { allFieldErrors } from '../../i18n/error-text';
import { CompanyFields } from './CompanyFields';
import { BccFields, CertificatesFields, DocumentFields } from './OtherSettingsFields';
import { getSettings, SETTINGS_KEY, updateSettings } from './settings-api';
import { draftOfSettings, normalise, type SettingsDraft } from './settings-form';
import { EmailTemplatesFields, NoteTemplatesFields } from './TemplatesFields';

/** Company information, certificates, BCC addresses, templates, document options, logo, defaults. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: getSettings });
  return (
    <Stack gap="lg">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <ErrorAlert error={settings.error} />
      {settings.isPending && <CenteredLoader />}
      {settings.data && <SettingsForm key={settings.data.version} settings={settings.data} />}
    </Stack>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The settings as loaded; saving sends their version, so that when another administrator saved
 * meanwhile nothing is overwritten and the form offers the latest settings.
 */
function SettingsForm({ settings: opened }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, setValues } = useFields<SettingsDraft>(draftOfSettings(opened));
  const { record, conflict } = useEditedRecord(opened, {
    fetchLatest: getSettings,
    onReloaded: (latest) => {
      setValues(draftOfSettings(latest));
      save.reset();
    },
    invalidate: [SETTINGS_KEY],
  });
  const settings = record ?? opened;
  const initial = draftOfSettings(settings);
  const save = useMutation({
    mutationFn: () => {
      const patch = changedFields(normalise(initial), normalise(values));
      return isEmpty(patch)
        ? Promise.resolve(settings)
        : updateSettings({ ...patch, version: settings.version });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      notifications.show({ color: 'climalog', message: t('common.saved') });
    },
  });
  const errors = allFieldErrors(t, save.error);
  const props = { values, set, errors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Part title={t('settings.company')}>
          <CompanyFields {...props} />
        </Part>
        <Part title={t('settings.certificates')}>
          <CertificatesFields {...props} />
        </Part>
        <Part title={t('settings.mailing')}>
          <BccFields {...props} />
          <EmailTemplatesFields {...props} />
        </Part>
        <Part title={t('settings.noteTemplates')}>
          <NoteTemplatesFields {...props} />
        </Part>
        <Part title={t('settings.documents')}>
          <DocumentFields {...props} />
        </Part>
        <ErrorAlert
          error={save.error}
          fields={Object.keys(errors)}
          conflict={conflict(t('conflict.records.settings'))}
        />
        <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-gray-0)">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
