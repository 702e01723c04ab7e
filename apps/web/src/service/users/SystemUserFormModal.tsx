import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSelect } from '../../components/LanguageSelect';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { RoleCheckboxes } from './RoleCheckboxes';
import { createUser, updateUser, USERS_KEY } from './users-api';

const FIELDS = ['name', 'language', 'roles'] as const;

type Props = { user: User | null; onClose: () => void };

/** Adds or edits a system user: an integration that signs in with API keys. */
export function SystemUserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set } = useFields({
    name: user?.name ?? '',
    language: user?.language ?? 'en',
    roles: user?.roles ?? (['manager'] as Role[]),
  });
  const [rolesError, setRolesError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => {
      if (!user) return createUser({ kind: 'system', ...values });
      const { name, language, roles } = user;
      const patch = changedFields({ name, language, roles }, values);
      return isEmpty(patch) ? Promise.resolve(user) : updateUser(user.id, patch);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifications.show({
        color: 'climalog',
        message: t(user ? 'users.updated' : 'users.created', { name: saved.name }),
      });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const noRoles = values.roles.length === 0;
    setRolesError(noRoles ? t('users.rolesHelp') : undefined);
    if (!noRoles) mutation.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={user ? t('users.editSystem') : t('users.addSystem')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('users.systemName')}
            description={t('users.systemNameHelp')}
            required
            data-autofocus
            value={values.name}
            onChange={text(set('name'))}
            error={errors.name}
          />
          <LanguageSelect
            label={t('users.language')}
            value={values.language}
            onChange={set('language')}
            error={errors.language}
          />
          <RoleCheckboxes value={values.roles} onChange={set('roles')} error={rolesError ?? errors.roles} />
          <ErrorAlert error={mutation.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
