import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Abilities } from '../api/types';
import { useSession } from '../auth/session-context';

/** A section the session may not use says so (the server refuses anyway). */
export function RequireAbility({ ability, children }: { ability: keyof Abilities; children: ReactNode }) {
  const { t } = useTranslation();
  const { abilities } = useSession();
  if (!abilities[ability]) {
    return (
      <Alert color="orange" variant="light" role="alert">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return children;
}
