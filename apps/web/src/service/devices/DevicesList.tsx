import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { devicesKey, listDevices, revokeDevice, type Device } from './devices-api';
import { DevicesTable } from './DevicesTable';

/** The field-app devices of a person (null: the signed-in person), each with Revoke. */
export function DevicesList({ userId }: { userId: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const devices = useQuery({ queryKey: devicesKey(userId), queryFn: () => listDevices(userId) });
  const [revoking, setRevoking] = useState<Device | null>(null);
  const revoke = useMutation({
    mutationFn: (device: Device) => revokeDevice(device.id),
    onSuccess: (device) => {
      notifications.show({ color: 'climalog', message: t('devices.revoked', { name: device.name }) });
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
    },
  });
  return (
    <Stack>
      <ErrorAlert error={devices.error} />
      {devices.isPending ? (
        <CenteredLoader />
      ) : (
        <DevicesTable devices={devices.data ?? []} onRevoke={setRevoking} />
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('devices.revokeTitle')}
        message={t('devices.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('devices.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      />
    </Stack>
  );
}
