import { Avatar, Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { clearSession, setSigningOut } from '../auth/session';
import { useSession } from '../auth/session-context';
import type { SignInNotice } from '../auth/next-path';
import { signOut } from '../auth/sign-in-api';
import { IconChevronDown, IconLogout, IconUser } from '../components/icons';

/** The signed-in person: profile and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = `${user.firstName} ${user.lastName}`.trim() || (user.email ?? '');
  const initials = `${user.firstName.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase();
  const logout = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      notifications.clean();
      setSigningOut(true);
      clearSession(queryClient);
      const state: SignInNotice = { notice: 'signedOut' };
      navigate('/sign-in', { replace: true, state });
    },
  });

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px="xs"
          leftSection={
            <Avatar size={30} radius="xl" color="climalog">
              {initials}
            </Avatar>
          }
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('layout.userMenu', { name })}
        >
          <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser />}>
          {t('layout.nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout />} onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('layout.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
