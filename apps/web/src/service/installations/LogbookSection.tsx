import { Anchor, Group, SegmentedControl, Select, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelChips } from '../../components/LabelChips';
import { Section } from '../../components/Section';
import { useDateFormat } from '../../i18n/format';
import { useActivityText } from '../work-orders/activity-text';
import { StatusBadge } from '../work-orders/StatusBadge';
import { getLogbook, INSTALLATIONS_KEY, type LogbookFilter } from './installations-api';

const FILTERS: LogbookFilter[] = ['all', 'executed', 'to_be_executed', 'mine'];

/** The legal logbook: this installation's work orders and activities, in time order. */
export function LogbookSection({ installationId }: { installationId: string }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const activityText = useActivityText();
  const [filter, setFilter] = useState<LogbookFilter>('all');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const logbook = useQuery({
    queryKey: [...INSTALLATIONS_KEY, installationId, 'logbook', filter, order],
    queryFn: () => getLogbook(installationId, filter, order),
  });
  return (
    <Section title={t('logbook.title')}>
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label={t('logbook.filter')}
          value={filter}
          onChange={(v) => setFilter(v as LogbookFilter)}
          data={FILTERS.map((f) => ({ value: f, label: t(`logbook.filters.${f}`) }))}
        />
        <Select
          aria-label={t('logbook.order')}
          data={[
            { value: 'desc', label: t('logbook.newestFirst') },
            { value: 'asc', label: t('logbook.oldestFirst') },
          ]}
          value={order}
          onChange={(v) => setOrder(v === 'asc' ? 'asc' : 'desc')}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <ErrorAlert error={logbook.error} />
      {logbook.isPending && <CenteredLoader />}
      {logbook.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('logbook.empty')}
        </Text>
      )}
      {logbook.data && logbook.data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={-1} aria-label={t('logbook.title')}>
          {logbook.data.map((wo) => (
            <Timeline.Item
              key={wo.id}
              color={wo.status === 'executed' ? 'climalog' : wo.status === 'cancelled' ? 'gray' : 'blue'}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {date(wo.executedOn ?? wo.plannedOn) || t('workOrders.noDate')}
                  </Text>
                  <Anchor component={Link} to={`/work-orders/${wo.id}`} size="sm">
                    {t('workOrders.numbered', { number: wo.number })}
                  </Anchor>
                  <StatusBadge status={wo.status} />
                  <LabelChips labels={wo.labels} size="xs" />
                </Group>
              }
            >
              <Stack gap={2} mt={4}>
                {wo.executorName && (
                  <Text size="xs" c="dimmed">
                    {t('workOrders.executor')}: {wo.executorName}
                  </Text>
                )}
                {wo.activities
                  .filter((a) => a.installationId === installationId)
                  .map((a) => {
                    const { title, detail } = activityText(a);
                    return (
                      <Text key={a.id} size="sm">
                        <Text span fw={500}>
                          {title}
                        </Text>
                        {detail && ` — ${detail}`}
                      </Text>
                    );
                  })}
                {wo.notes && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                    {wo.notes}
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
