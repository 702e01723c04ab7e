import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CenteredLoader } from '../components/CenteredLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import { usePageTitle } from '../components/usePageTitle';
import { useEmailLink, type LinkProblem } from './email-link';
import { LinkProblemAlert } from './LinkProblemAlert';
import type { SignInNotice } from './next-path';
import { SetPasswordForm } from './SetPasswordForm';
import { endAnySession } from './sign-in-api';

/** /reset-password#token=…: a new password through the emailed link, then sign in again. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.reset.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { token, check, problem } = useEmailLink('reset');
  const [lateProblem, setLateProblem] = useState<LinkProblem | null>(null);
  const details = check.data;

  const heading = (
    <Title order={1} size="h2">
      {t('auth.reset.title')}
    </Title>
  );
  const dead = problem ?? lateProblem;
  if (dead) {
    return (
      <Stack>
        {heading}
        <LinkProblemAlert kind="reset" problem={dead} />
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

  const done = async () => {
    await endAnySession(queryClient);
    const state: SignInNotice = { notice: 'passwordReset', email: details.email ?? undefined };
    navigate('/sign-in', { replace: true, state });
  };
  return (
    <Stack>
      {heading}
      <Text size="sm">{t('auth.reset.intro', { email: details.email ?? '' })}</Text>
      <SetPasswordForm
        kind="reset"
        token={token}
        passwordLabel={t('auth.reset.newPassword')}
        submitLabel={t('auth.reset.submit')}
        onDone={() => void done()}
        onLinkProblem={setLateProblem}
      />
    </Stack>
  );
}
