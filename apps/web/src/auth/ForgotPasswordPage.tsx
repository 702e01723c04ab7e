import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { text } from '../components/useFields';
import { usePageTitle } from '../components/usePageTitle';
import { fieldErrorsOf } from '../i18n/error-text';
import { requestPasswordReset } from './sign-in-api';

const FIELDS = ['email'] as const;

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgot.title'));
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('auth.forgot.title')}
      </Title>
      {mutation.isSuccess ? (
        <Alert color="climalog" variant="light" role="status">
          {t('auth.forgot.sent', { email: email.trim() })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('auth.forgot.intro')}</Text>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={text(setEmail)}
              error={errors.email}
            />
            <ErrorAlert error={mutation.error} fields={FIELDS} />
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending}>
                {t('auth.forgot.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
