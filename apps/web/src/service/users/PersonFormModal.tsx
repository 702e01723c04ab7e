import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSelect } from '../../components/LanguageSelect';
import { text, useFields } from '../../components/useFields';
import { currentLanguage } from '../../i18n';
import { fieldErrorsOf } from '../../i18n/error-text';
import { RoleCheckboxes } from './RoleCheckboxes';
import { createUser, updateUser, USERS_KEY } from './users-api';

const FIELDS = ['firstName', 'lastName', 'email', 'language', 'roles'] as const;

type Props = { user: User | null; onClose: () => void };

/** Adds a person (optionally inviting them right away) or edits one. Mounted only while open. */
export function PersonFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set } = useFields({
    firstName: user?.firstName ?? '',
    lastName: user?.lastName ?? '',
    email: user?.email ?? '',
    language: user?.language ?? currentLanguage(),
    roles: user?.roles ?? (['technician'] as Role[]),
    invite: true,
  });
  const [rolesError, setRolesError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => {
      const { invite, ...fields } = values;
      const body = { ...fields, email: fields.email.trim() || null };
      if (!user) return createUser({ kind: 'person', ...body, invite });
      const { firstName, lastName, email, language, roles } = user;
      const patch = changedFields({ firstName, lastName, email, language, roles }, body);
      return isEmpty(patch) ? Promise.resolve(user) : updateUser(user.id, patch);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      const message =
        !user && values.invite && saved.email
          ? t('users.invitationSent', { email: saved.email })
          : t(user ? 'users.updated' : 'users.created', { name: saved.name });
      notifications.show({ color: 'climalog', message });
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
      title={user ? t('users.editPerson') : t('users.addPerson')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('users.firstName')}
              required
              data-autofocus
              value={values.firstName}
              onChange={text(set('firstName'))}
              error={errors.firstName}
            />
            <TextInput
              label={t('users.lastName')}
              value={values.lastName}
              onChange={text(set('lastName'))}
              error={errors.lastName}
            />
          </SimpleGrid>
          <TextInput
            label={t('users.email')}
            description={t('users.emailHelp')}
            type="email"
            value={values.email}
            onChange={text(set('email'))}
            error={errors.email}
          />
          <LanguageSelect
            label={t('users.language')}
            value={values.language}
            onChange={set('language')}
            error={errors.language}
          />
          <RoleCheckboxes value={values.roles} onChange={set('roles')} error={rolesError ?? errors.roles} />
          {!user && (
            <Checkbox
              label={t('users.sendInvitation')}
              description={t('users.sendInvitationHelp')}
              checked={values.invite}
              onChange={(event) => set('invite')(event.currentTarget.checked)}
            />
          )}
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
