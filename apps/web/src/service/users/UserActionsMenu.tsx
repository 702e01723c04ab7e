import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { IconDots } from '../../components/icons';

export type UserAction = 'edit' | 'apiKeys' | 'devices' | 'invite' | 'deactivate' | 'reactivate';

type Props = { user: User; isSelf: boolean; onAction: (action: UserAction, user: User) => void };

/** What can be done with one user, depending on kind and status. */
export function UserActionsMenu({ user, isSelf, onAction }: Props) {
  const { t } = useTranslation();
  const canInvite = user.kind === 'person' && (user.status === 'invited' || user.status === 'no_sign_in');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('common.actionsFor', { name: user.name })}>
          <IconDots />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('edit', user)}>{t('common.edit')}</Menu.Item>
        {user.kind === 'system' && (
          <Menu.Item onClick={() => onAction('apiKeys', user)}>{t('users.apiKeys')}</Menu.Item>
        )}
        {user.kind === 'person' && (
          <Menu.Item onClick={() => onAction('devices', user)}>{t('devices.action')}</Menu.Item>
        )}
        {canInvite && (
          <Menu.Item onClick={() => onAction('invite', user)}>
            {user.status === 'invited' ? t('users.resendInvitation') : t('users.invite')}
          </Menu.Item>
        )}
        {user.status === 'deactivated' ? (
          <Menu.Item onClick={() => onAction('reactivate', user)}>{t('users.reactivate')}</Menu.Item>
        ) : (
          !isSelf && (
            <Menu.Item color="red" onClick={() => onAction('deactivate', user)}>
              {t('users.deactivate')}
            </Menu.Item>
          )
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
