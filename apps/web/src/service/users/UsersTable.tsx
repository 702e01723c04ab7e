import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useDateFormat } from '../../i18n/format';
import { UserActionsMenu, type UserAction } from './UserActionsMenu';
import { UserStatusBadge } from './UserStatusBadge';

/** onAction is null for readers (managers): the list without the actions menu. */
type Props = { users: User[]; selfId: string; onAction: ((action: UserAction, user: User) => void) | null };

export function UsersTable({ users, selfId, onAction }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.name')}</Table.Th>
            <Table.Th scope="col">{t('users.email')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={500}>
                <Text span fw={500} size="sm">
                  {user.name}
                </Text>
                {user.id === selfId && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    ({t('users.you')})
                  </Text>
                )}
                {user.kind === 'system' && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('users.kinds.system')}
                  </Text>
                )}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {user.email ?? <Text c="dimmed">{t('common.none')}</Text>}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roles.map((role) => (
                    <Badge key={role} variant="light" color="gray" tt="none">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <UserStatusBadge status={user.status} />
                  {user.invitationExpiresAt && (
                    <Text size="xs" c="dimmed">
                      {t('users.invitedUntil', { date: dateTime(user.invitationExpiresAt) })}
                    </Text>
                  )}
                  {user.twoFactorEnabled && (
                    <Text size="xs" c="dimmed">
                      {t('users.twoFactorOn')}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right">
                {onAction && <UserActionsMenu user={user} isSelf={user.id === selfId} onAction={onAction} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
