import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ACCOUNT_KEY, getAccount } from './account-api';
import { AccountForm } from './AccountForm';

export function AccountSettingsPage() {
  const { t } = useTranslation();
  const account = useQuery({ queryKey: ACCOUNT_KEY, queryFn: getAccount });
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <Paper withBorder radius="md" p="lg">
        {account.isPending ? (
          <CenteredLoader />
        ) : account.data ? (
          <AccountForm key={account.data.id} account={account.data} />
        ) : (
          <ErrorAlert error={account.error} />
        )}
      </Paper>
    </Stack>
  );
}
