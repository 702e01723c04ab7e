import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { text, useFields } from '../components/useFields';
import { fieldErrorsOf } from '../i18n/error-text';
import type { SignInNotice } from './next-path';
import { applySession, usePublicConfig } from './session';
import { signIn } from './sign-in-api';

const FIELDS = ['login', 'password'] as const;

/** The first step: email address and password. */
export function PasswordStep() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const notice = (location.state ?? {}) as SignInNotice;
  const config = usePublicConfig();
  const { values, set } = useFields({ login: notice.email ?? '', password: '' });
  const mutation = useMutation({
    mutationFn: () => signIn(values.login, values.password),
    onSuccess: (session) => applySession(queryClient, session),
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const noticeText =
    notice.notice === 'signedOut'
      ? t('layout.signedOut')
      : notice.notice === 'sessionEnded'
        ? t('auth.signIn.sessionEnded')
        : notice.notice === 'passwordReset'
          ? t('auth.reset.done')
          : notice.notice === 'invitationAccepted'
            ? t('auth.invitation.done')
            : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.signIn.title')}
        </Title>
        {noticeText && (
          <Alert color="climalog" variant="light" role="status">
            {noticeText}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('auth.signIn.intro')}
        </Text>
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          value={values.login}
          onChange={text(set('login'))}
          error={errors.login}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={values.password}
          onChange={text(set('password'))}
          error={errors.password}
        />
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="space-between" align="center">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.signIn.forgot')}
          </Anchor>
          <Button type="submit" loading={mutation.isPending}>
            {t('auth.signIn.submit')}
          </Button>
        </Group>
        {config.data?.signup === 'open' && (
          <Text size="sm" ta="center" mt="sm">
            {t('auth.signIn.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('auth.signIn.signUpLink')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </form>
  );
}
