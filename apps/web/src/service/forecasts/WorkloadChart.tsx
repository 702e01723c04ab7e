import { Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastType } from '../../api/work-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMonthFormat } from '../../i18n/format';
import { FORECASTS_KEY, getForecastSummary } from './forecasts-api';

/** The coming 12 months' workload per month, with the overdue and unknown counts beside it. */
export function WorkloadChart({ type }: { type: ForecastType | null }) {
  const { t } = useTranslation();
  const monthName = useMonthFormat();
  const summary = useQuery({
    queryKey: [...FORECASTS_KEY, 'summary', type],
    queryFn: () => getForecastSummary(type),
  });
  const data = (summary.data?.months ?? []).map((m) => ({ month: monthName(m.month), count: m.count }));
  const total = data.reduce((sum, m) => sum + m.count, 0);
  return (
    <Paper withBorder radius="md" p="md">
      <ErrorAlert error={summary.error} />
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <Stack gap="sm" justify="center">
          <Stat label={t('forecasts.summaryOverdue')} value={summary.data?.overdue} colour="red.8" />
          <Stat label={t('forecasts.summaryUnknown')} value={summary.data?.unknown} colour="yellow.9" />
          <Stat label={t('forecasts.summaryComing')} value={summary.data ? total : undefined} />
        </Stack>
        <Box
          h={220}
          style={{ gridColumn: 'span 3' }}
          role="img"
          aria-label={t('forecasts.chartLabel', { count: total })}
        >
          <Text size="sm" fw={600} mb={4}>
            {t('forecasts.chartTitle')}
          </Text>
          <ResponsiveContainer width="100%" height="90%">
            <BarChart data={data} margin={{ top: 4, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} />
              <Tooltip />
              <Bar dataKey="count" name={t('forecasts.chartSeries')} fill="#0b7777" radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      </SimpleGrid>
    </Paper>
  );
}

function Stat({ label, value, colour }: { label: string; value: number | undefined; colour?: string }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={value ? colour : undefined}>
        {value ?? '…'}
      </Text>
    </Group>
  );
}
