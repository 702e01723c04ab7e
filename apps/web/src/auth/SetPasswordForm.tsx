import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordPair, passwordsDiffer } from '../components/PasswordPair';
import { fieldErrorsOf } from '../i18n/error-text';
import { linkProblemOf, type LinkProblem } from './email-link';
import { redeemLink, type LinkKind } from './sign-in-api';

type Props = {
  kind: LinkKind;
  token: string;
  passwordLabel: string;
  submitLabel: string;
  onDone: () => void;
  onLinkProblem: (problem: LinkProblem) => void;
};

const FIELDS = ['password'] as const;

/** A new password, typed twice, set through an emailed link. */
export function SetPasswordForm({ kind, token, passwordLabel, submitLabel, onDone, onLinkProblem }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => redeemLink(kind, token, password),
    onSuccess: onDone,
    onError: (error) => {
      const problem = linkProblemOf(error);
      if (problem) onLinkProblem(problem);
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!passwordsDiffer(password, repeat)) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordPair
          label={passwordLabel}
          repeatLabel={t('auth.repeatPassword')}
          value={password}
          repeat={repeat}
          onChange={setPassword}
          onRepeatChange={setRepeat}
          error={errors.password}
          showMismatch={submitted}
        />
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
