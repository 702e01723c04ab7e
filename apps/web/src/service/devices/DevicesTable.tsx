import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../i18n/format';
import type { Device } from './devices-api';

type Props = { devices: Device[]; onRevoke: (device: Device) => void };

/** Devices with their system and app version, when they were first and last seen, and whether revoked. */
export function DevicesTable({ devices, onRevoke }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  if (devices.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('devices.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('devices.name')}</Table.Th>
            <Table.Th scope="col">{t('devices.lastSeen')}</Table.Th>
            <Table.Th scope="col">{t('devices.status')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.map((d) => (
            <Table.Tr key={d.id} c={d.revokedAt ? 'dimmed' : undefined}>
              <Table.Th scope="row" fw={500}>
                {d.name}
                <Text size="xs" c="dimmed" fw={400}>
                  {[d.os, d.appVersion && t('devices.appVersionValue', { version: d.appVersion })]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t('devices.installationId')} <Code fz="xs">{d.installationId}</Code>
                </Text>
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {dateTime(d.lastSeenAt)}
                <Text size="xs" c="dimmed">
                  {t('devices.firstSeenOn', { date: dateTime(d.firstSeenAt) })}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {d.revokedAt ? (
                  <>
                    <Badge color="gray" variant="light" tt="none">
                      {t('devices.revokedStatus')}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {dateTime(d.revokedAt)}
                    </Text>
                  </>
                ) : (
                  <Badge color="climalog" variant="light" tt="none">
                    {t('devices.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {!d.revokedAt && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(d)}>
                    {t('devices.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
