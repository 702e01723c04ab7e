import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { errorText, fieldErrorsOf } from '../../i18n/error-text';
import { deactivateUser, inviteUser, reactivateUser, USERS_KEY } from './users-api';

/** Inviting, deactivating and reactivating users, with the outcome as a notification. */
export function useUserStatusActions(onDone: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });

  const invite = useMutation({
    mutationFn: (user: User) => inviteUser(user.id),
    onSuccess: (user) => {
      void refresh();
      notifications.show({
        color: 'climalog',
        message: t('users.invitationSent', { email: user.email ?? '' }),
      });
    },
    onError: (error) => {
      const fieldError = fieldErrorsOf(t, error, ['email']).email;
      notifications.show({ color: 'red', message: fieldError ?? errorText(t, error) });
    },
  });
  const deactivate = useMutation({
    mutationFn: (user: User) => deactivateUser(user.id),
    onSuccess: (user) => {
      void refresh();
      notifications.show({ color: 'climalog', message: t('users.deactivated', { name: user.name }) });
      onDone();
    },
  });
  const reactivate = useMutation({
    mutationFn: (user: User) => reactivateUser(user.id),
    onSuccess: (user) => {
      void refresh();
      notifications.show({ color: 'climalog', message: t('users.reactivated', { name: user.name }) });
      onDone();
    },
  });
  return { invite, deactivate, reactivate };
}
