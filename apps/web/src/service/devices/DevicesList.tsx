import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirmedMutation } from '../../components/useConfirmedMutation';
import { devicesKey, listDevices, revokeDevice, type Device } from './devices-api';
import { DevicesTable } from './DevicesTable';

/** The field-app devices of a person (null: the signed-in person), each with Revoke. */
export function DevicesList({ userId }: { userId: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: devicesKey(userId), queryFn: () => listDevices(userId) });
  const revoke = useConfirmedMutation({
    mutationFn: (device: Device) => revokeDevice(device.id),
    onSuccess: (device) => {
      notifications.show({ color: 'climalog', message: t('devices.revoked', { name: device.name }) });
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
    },
  });
  return (
    <Stack>
      <ErrorAlert error={devices.error} />
      {devices.isPending ? (
        <CenteredLoader />
      ) : (
        <DevicesTable devices={devices.data ?? []} onRevoke={revoke.ask} />
      )}
      <ConfirmModal
        {...revoke.confirmProps}
        title={t('devices.revokeTitle')}
        message={t('devices.revokeConfirm', { name: revoke.target?.name ?? '' })}
        confirmLabel={t('devices.revoke')}
        danger
      />
    </Stack>
  );
}
