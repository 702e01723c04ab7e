import { Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnabled } from '../api/types';
import { TwoFactorEnrolment } from '../components/TwoFactorEnrolment';
import { clearSession } from './session';
import { signOut } from './sign-in-api';

type Props = { accountName: string; onEnabled: (result: TwoFactorEnabled) => void };

/** The account requires two-step sign-in and this user has none yet: set it up to go on. */
export function EnrolStep({ accountName, onEnabled }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useMutation({ mutationFn: signOut, onSettled: () => clearSession(queryClient) });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('auth.enrol.title')}
      </Title>
      <Text size="sm">{t('auth.enrol.intro', { account: accountName })}</Text>
      <TwoFactorEnrolment onEnabled={onEnabled} />
      <Button variant="subtle" color="gray" onClick={() => cancel.mutate()} loading={cancel.isPending}>
        {t('auth.secondFactor.cancel')}
      </Button>
    </Stack>
  );
}
