import { Anchor, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types';
import { useDateFormat } from '../../i18n/format';
import { AuditDetails } from './AuditDetails';
import { useAuditLabels } from './useAuditLabels';

type Props = { events: AuditEvent[]; onEntity: (entityId: string) => void };

export function AuditTable({ events, onEntity }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const labels = useAuditLabels();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.object')}</Table.Th>
            <Table.Th scope="col">{t('audit.origin')}</Table.Th>
            <Table.Th scope="col">{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td c="dimmed">{e.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(e.occurredAt)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{e.actor.name || t('audit.anonymous')}</Text>
                  <Text size="xs" c="dimmed">
                    {labels.actorType(e.actor.type)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {labels.action(e.action)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {e.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{labels.entityType(e.entity.type)}</Text>
                  {e.entity.id && (
                    <Tooltip label={e.entity.id}>
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        ff="monospace"
                        onClick={() => e.entity.id && onEntity(e.entity.id)}
                      >
                        {e.entity.id.slice(0, 8)}…
                      </Anchor>
                    </Tooltip>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" title={e.userAgent ?? undefined}>
                  {e.ip ?? t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                <AuditDetails details={e.details} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
