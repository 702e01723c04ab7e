import { Button, Fieldset, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/types';
import { SESSION_KEY } from '../../auth/session';
import { compactNumber, formatEnterpriseNumber } from '../../components/enterprise-number';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { text, useFields } from '../../components/useFields';
import { enterpriseNumberError, fieldErrorsOf } from '../../i18n/error-text';
import { useDateFormat } from '../../i18n/format';
import { ACCOUNT_KEY, updateAccount } from './account-api';

const FIELDS = ['name', 'enterpriseNumber', 'requireTwoFactor'] as const;

/** The company's name, enterprise number and the two-step sign-in rule. */
export function AccountForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const queryClient = useQueryClient();
  const { values, set } = useFields({
    name: account.name,
    enterpriseNumber: formatEnterpriseNumber(account.enterpriseNumber),
    requireTwoFactor: account.requireTwoFactor,
  });
  const [enterpriseError, setEnterpriseError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => {
      const next = { ...values, enterpriseNumber: compactNumber(values.enterpriseNumber) };
      const before = {
        name: account.name,
        enterpriseNumber: compactNumber(account.enterpriseNumber ?? ''),
        requireTwoFactor: account.requireTwoFactor,
      };
      const patch = changedFields(before, next);
      return isEmpty(patch) ? Promise.resolve(account) : updateAccount(patch);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(ACCOUNT_KEY, saved);
      // The header shows the account name; the session carries the two-step rule.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'climalog', message: t('common.saved') });
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = enterpriseNumberError(t, values.enterpriseNumber);
    setEnterpriseError(problem);
    if (!problem) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('account.company')}>
          <Stack gap="sm">
            <TextInput
              label={t('account.name')}
              required
              value={values.name}
              onChange={text(set('name'))}
              error={errors.name}
            />
            <TextInput
              label={t('account.enterpriseNumber')}
              description={t('account.enterpriseHelp')}
              value={values.enterpriseNumber}
              onChange={text(set('enterpriseNumber'))}
              error={enterpriseError ?? errors.enterpriseNumber}
              maw={320}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('account.security')}>
          <Switch
            label={t('account.requireTwoFactor')}
            description={t('account.requireTwoFactorHelp')}
            checked={values.requireTwoFactor}
            onChange={(event) => set('requireTwoFactor')(event.currentTarget.checked)}
            error={errors.requireTwoFactor}
          />
        </Fieldset>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('account.createdAt', { date: date(account.createdAt) })}
          </Text>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
