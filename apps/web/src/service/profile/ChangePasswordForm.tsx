import { Alert, Button, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordPair, passwordsDiffer } from '../../components/PasswordPair';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { changePassword } from './profile-api';

const FIELDS = ['currentPassword', 'newPassword'] as const;
const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/** A new password; the server signs out the user's other sessions. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { values, set, setValues } = useFields(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      setValues(EMPTY);
      setSubmitted(false);
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!passwordsDiffer(values.newPassword, values.repeat)) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('profile.password.title')}
        </Title>
        <PasswordInput
          label={t('profile.password.current')}
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={text(set('currentPassword'))}
          error={errors.currentPassword}
        />
        <PasswordPair
          label={t('profile.password.new')}
          repeatLabel={t('profile.password.repeat')}
          value={values.newPassword}
          repeat={values.repeat}
          onChange={set('newPassword')}
          onRepeatChange={set('repeat')}
          error={errors.newPassword}
          showMismatch={submitted}
        />
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <div aria-live="polite" className={mutation.isSuccess ? undefined : 'visually-hidden'}>
          {mutation.isSuccess && (
            <Alert color="climalog" variant="light" role="presentation">
              {t('profile.password.done')}
            </Alert>
          )}
        </div>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('profile.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
