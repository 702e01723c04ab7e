import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../api/types';
import { useDateFormat } from '../../i18n/format';

type Props = { keys: ApiKey[]; onRevoke: (key: ApiKey) => void };

export function ApiKeysTable({ keys, onRevoke }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  if (keys.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('apiKeys.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('apiKeys.keyName')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.prefix')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.status')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
              <Table.Th scope="row" fw={500}>
                {key.name}
              </Table.Th>
              <Table.Td>
                <Code style={{ whiteSpace: 'nowrap' }}>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(key.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {key.lastUsedAt ? dateTime(key.lastUsedAt) : t('apiKeys.never')}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {key.revokedAt ? (
                  <Badge color="gray" variant="light" tt="none">
                    {t('apiKeys.revokedOn', { date: dateTime(key.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge color="climalog" variant="light" tt="none">
                    {t('apiKeys.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {!key.revokedAt && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRevoke(key)}>
                    {t('apiKeys.revoke')}
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
