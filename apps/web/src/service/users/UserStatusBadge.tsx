import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../api/types';

const COLORS: Record<UserStatus, string> = {
  active: 'climalog',
  invited: 'blue',
  no_sign_in: 'gray',
  deactivated: 'red',
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'active' ? 'filled' : 'light'}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
