import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DevicesList } from './DevicesList';

/** On the profile page: where the signed-in person uses the field app. */
export function MyDevicesSection() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('devices.mine')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('devices.mineIntro')}
      </Text>
      <DevicesList userId={null} />
    </Stack>
  );
}
