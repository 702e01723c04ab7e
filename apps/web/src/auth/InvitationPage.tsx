import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CenteredLoader } from '../components/CenteredLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePageTitle } from '../components/usePageTitle';
import { applyLanguage, storedLanguage } from '../i18n';
import { useDateFormat } from '../i18n/format';
import { useEmailLink, type LinkProblem } from './email-link';
import { LinkProblemAlert } from './LinkProblemAlert';
import type { SignInNotice } from './next-path';
import { SetPasswordForm } from './SetPasswordForm';
import { endAnySession } from './sign-in-api';

/** /invitation#token=…: shows who invites whom, asks a password twice, then goes to sign-in. */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.invitation.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { dateTime } = useDateFormat();
  const { token, check, problem } = useEmailLink('invitation');
  const [lateProblem, setLateProblem] = useState<LinkProblem | null>(null);
  const details = check.data;

  // The invitation was written in the invitee's language; use it unless this device chose one.
  useEffect(() => {
    if (details && storedLanguage() === null) void applyLanguage(details.language);
  }, [details]);

  const heading = (
    <Title order={1} size="h2">
      {t('auth.invitation.title')}
    </Title>
  );
  const dead = problem ?? lateProblem;
  if (dead) {
    return (
      <Stack>
        {heading}
        <LinkProblemAlert kind="invitation" problem={dead} />
      </Stack>
    );
  }
  if (check.isPending) {
    return (
      <Stack>
        {heading}
        <Text size="sm" role="status">
          {t('auth.links.checking')}
        </Text>
        <CenteredLoader />
      </Stack>
    );
  }
  if (!details || !token) return <ErrorAlert error={check.error} />;

  const name = `${details.firstName} ${details.lastName}`.trim();
  const done = async () => {
    await endAnySession(queryClient);
    const state: SignInNotice = { notice: 'invitationAccepted', email: details.email ?? undefined };
    navigate('/sign-in', { replace: true, state });
  };
  return (
    <Stack>
      {heading}
      <Text>{t('auth.invitation.intro', { name, account: details.accountName })}</Text>
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={180}>{t('auth.invitation.account')}</Table.Th>
            <Table.Td>{details.accountName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('auth.invitation.signInName')}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{details.email}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Alert variant="light" color="gray" role="note">
        {t('auth.invitation.validUntil', { date: dateTime(details.expiresAt) })}{' '}
        {t('auth.invitation.choosePassword')}
      </Alert>
      <SetPasswordForm
        kind="invitation"
        token={token}
        passwordLabel={t('auth.password')}
        submitLabel={t('auth.invitation.submit')}
        onDone={() => void done()}
        onLinkProblem={setLateProblem}
      />
    </Stack>
  );
}
