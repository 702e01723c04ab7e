import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../api/types';
import { useSession } from '../../auth/session-context';

type Props = { value: Role[]; onChange: (roles: Role[]) => void; error?: string | undefined };

/** The four roles; only an account manager may give or take away account manager. */
export function RoleCheckboxes({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { abilities } = useSession();
  return (
    <Checkbox.Group
      label={t('users.roles')}
      value={value}
      onChange={(next) => onChange(ROLES.filter((r) => next.includes(r)))}
      error={error}
    >
      <Stack gap="xs" mt={6}>
        {ROLES.map((role) => {
          const locked = role === 'account_manager' && !abilities.grantAccountManager;
          return (
            <Checkbox
              key={role}
              value={role}
              label={t(`roles.${role}`)}
              description={locked ? t('users.accountManagerLocked') : t(`roleHelp.${role}`)}
              disabled={locked}
            />
          );
        })}
      </Stack>
    </Checkbox.Group>
  );
}
