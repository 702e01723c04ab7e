import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../auth/session';

/** For developers and test installs: mails land in DATA_DIR/outbox instead of being sent. */
export function OutboxNotice() {
  const { t } = useTranslation();
  const { data } = usePublicConfig();
  if (data?.mailMode !== 'outbox') return null;
  return (
    <Alert color="yellow" variant="light" py={8} role="note">
      {t('layout.outboxNotice')}
    </Alert>
  );
}
