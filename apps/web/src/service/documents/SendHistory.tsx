import { Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDateFormat } from '../../i18n/format';
import { listSends, sendsKey, type SendStatus, type WorkOrderSend } from './documents-api';

const COLOURS: Record<SendStatus, string> = { queued: 'blue', sent: 'climalog', failed: 'red' };
/** While a mail waits in the queue, its status is asked again this often. */
const POLL_MS = 3000;

function Recipients({ send }: { send: WorkOrderSend }) {
  const shown = send.to.slice(0, 3).join(', ');
  const more = send.to.length - 3;
  if (more <= 0) return <>{shown}</>;
  return (
    <Tooltip label={send.to.join(', ')} multiline maw={420}>
      <span tabIndex={0}>{`${shown} +${more}`}</span>
    </Tooltip>
  );
}

/** Every time the work order was mailed: to whom, when, and whether it went out. */
export function SendHistory({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const sends = useQuery({
    queryKey: sendsKey(workOrderId),
    queryFn: () => listSends(workOrderId),
    refetchInterval: (query) => (query.state.data?.some((s) => s.status === 'queued') ? POLL_MS : false),
  });
  const items = sends.data ?? [];
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} id={`sends-${workOrderId}`}>
        {t('sends.history')}
      </Text>
      <ErrorAlert error={sends.error} />
      {sends.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sends.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-labelledby={`sends-${workOrderId}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sends.when')}</Table.Th>
                <Table.Th scope="col">{t('sends.to')}</Table.Th>
                <Table.Th scope="col">{t('sends.languageColumn')}</Table.Th>
                <Table.Th scope="col">{t('sends.status')}</Table.Th>
                <Table.Th scope="col">{t('sends.attempts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(s.createdAt)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Recipients send={s} />
                    {s.bcc.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('sends.bccCount', { count: s.bcc.length })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`languages.${s.language}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={COLOURS[s.status]} variant="light" tt="none">
                      {t(`sends.statuses.${s.status}`)}
                    </Badge>
                    {s.sentAt && (
                      <Text size="xs" c="dimmed">
                        {dateTime(s.sentAt)}
                      </Text>
                    )}
                    {s.lastError && (
                      <Text size="xs" c={s.status === 'failed' ? 'red.8' : 'dimmed'}>
                        {s.status === 'queued' ? t('sends.retrying', { error: s.lastError }) : s.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.attempts}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
