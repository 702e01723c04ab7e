import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { text } from '../components/useFields';
import { fieldErrorsOf } from '../i18n/error-text';
import { applySession, clearSession } from './session';
import { signOut, submitSecondFactor } from './sign-in-api';

const FIELDS = ['code', 'recoveryCode'] as const;

/** The second step: a code from the authenticator app, or one of the recovery codes. */
export function SecondFactorStep() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      submitSecondFactor(useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') }),
    onSuccess: (session) => applySession(queryClient, session),
  });
  const cancel = useMutation({
    mutationFn: signOut,
    onSettled: () => clearSession(queryClient),
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const field = useRecovery ? 'recoveryCode' : 'code';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const toggle = () => {
    setUseRecovery((current) => !current);
    setValue('');
    mutation.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.secondFactor.title')}
        </Title>
        <Text size="sm">
          {useRecovery ? t('auth.secondFactor.recoveryIntro') : t('auth.secondFactor.intro')}
        </Text>
        <TextInput
          key={field}
          label={useRecovery ? t('auth.secondFactor.recoveryCode') : t('auth.secondFactor.code')}
          inputMode={useRecovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={useRecovery ? 40 : 10}
          value={value}
          onChange={text(setValue)}
          error={errors[field]}
        />
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={toggle}>
            {useRecovery ? t('auth.secondFactor.useApp') : t('auth.secondFactor.useRecovery')}
          </Anchor>
          <Button type="submit" loading={mutation.isPending}>
            {t('auth.secondFactor.submit')}
          </Button>
        </Group>
        <Button variant="subtle" color="gray" onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t('auth.secondFactor.cancel')}
        </Button>
      </Stack>
    </form>
  );
}
