import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MyDevicesSection } from '../devices/MyDevicesSection';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PersonalDetailsForm } from './PersonalDetailsForm';
import { getMe, ME_KEY } from './profile-api';
import { TwoFactorSection } from './TwoFactorSection';

/** The signed-in person's own settings. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useQuery({ queryKey: ME_KEY, queryFn: getMe });
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('profile.title')} />
      <Paper withBorder radius="md" p="lg">
        {me.isPending ? (
          <CenteredLoader />
        ) : me.data ? (
          <PersonalDetailsForm key={me.data.updatedAt} me={me.data} />
        ) : (
          <ErrorAlert error={me.error} />
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <ChangePasswordForm />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <TwoFactorSection />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <MyDevicesSection />
      </Paper>
    </Stack>
  );
}
