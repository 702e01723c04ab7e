import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { DevicesList } from './DevicesList';

/** An administrator's view of a person's field-app devices. */
export function DevicesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('devices.title', { name: user.name })} size={920} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('devices.intro')}
        </Text>
        <DevicesList userId={user.id} />
      </Stack>
    </Modal>
  );
}
