import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';

type Props<T> = {
  title: string;
  explanation: string;
  submitLabel: string;
  /** Also ask for a code from the authenticator app. */
  withCode: boolean;
  danger?: boolean;
  action: (password: string, code: string) => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
};

const FIELDS = ['password', 'code'] as const;

/** Confirms a sensitive two-step change with the password (and a current code). */
export function PasswordConfirmModal<T>(props: Props<T>) {
  const { t } = useTranslation();
  const { values, set } = useFields({ password: '', code: '' });
  const mutation = useMutation({
    mutationFn: () => props.action(values.password, values.code.replace(/\s/g, '')),
    onSuccess: props.onDone,
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.explanation}</Text>
          <PasswordInput
            label={t('twoFactor.password')}
            autoComplete="current-password"
            required
            data-autofocus
            value={values.password}
            onChange={text(set('password'))}
            error={errors.password}
          />
          {props.withCode && (
            <TextInput
              label={t('twoFactor.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={10}
              value={values.code}
              onChange={text(set('code'))}
              error={errors.code}
            />
          )}
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={props.danger ? 'red' : undefined} loading={mutation.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
