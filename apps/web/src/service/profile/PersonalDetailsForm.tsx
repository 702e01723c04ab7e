import { Badge, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { SESSION_KEY } from '../../auth/session';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSelect } from '../../components/LanguageSelect';
import { text, useFields } from '../../components/useFields';
import { applyLanguage } from '../../i18n';
import { fieldErrorsOf } from '../../i18n/error-text';
import { ME_KEY, updateMe } from './profile-api';

const FIELDS = ['firstName', 'lastName', 'language'] as const;

/** Name and language (the language of the interface and of emails). */
export function PersonalDetailsForm({ me }: { me: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set } = useFields({
    firstName: me.firstName,
    lastName: me.lastName,
    language: me.language,
  });
  const mutation = useMutation({
    mutationFn: () => {
      const before = { firstName: me.firstName, lastName: me.lastName, language: me.language };
      const patch = changedFields(before, values);
      return isEmpty(patch) ? Promise.resolve(me) : updateMe(patch);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(ME_KEY, saved);
      await applyLanguage(saved.language);
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      notifications.show({ color: 'climalog', message: t('common.saved') });
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('profile.personal')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('profile.firstName')}
            required
            value={values.firstName}
            onChange={text(set('firstName'))}
            error={errors.firstName}
          />
          <TextInput
            label={t('profile.lastName')}
            value={values.lastName}
            onChange={text(set('lastName'))}
            error={errors.lastName}
          />
        </SimpleGrid>
        <TextInput
          label={t('profile.email')}
          description={t('profile.emailHelp')}
          value={me.email ?? ''}
          readOnly
          variant="filled"
        />
        <LanguageSelect
          label={t('profile.language')}
          value={values.language}
          onChange={set('language')}
          error={errors.language}
          endonyms
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('profile.roles')}
          </Text>
          <Group gap={4}>
            {me.roles.map((role) => (
              <Badge key={role} variant="light" color="gray" tt="none">
                {t(`roles.${role}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
