import { Group, Loader, Paper, Select, Stack, Tabs, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FORECAST_TYPES,
  FORECAST_VIEWS,
  type ForecastItem,
  type ForecastType,
  type ForecastView,
} from '../../api/work-types';
import { useSession } from '../../auth/session-context';
import { DateField } from '../../components/fields/DateField';
import { ClearFiltersButton, ExportButton } from '../../components/ListControls';
import { PagedResults } from '../../components/PagedResults';
import { PageHeader } from '../../components/PageHeader';
import { usePagedList } from '../../components/usePagedList';
import { CustomerSelect } from '../customers/CustomerSelect';
import {
  emptyForecastFilters,
  FORECASTS_KEY,
  forecastsExportUrl,
  listForecasts,
  type ForecastFilters,
} from './forecasts-api';
import { ForecastsTable } from './ForecastsTable';
import { ScheduleModal } from './ScheduleModal';

// The chart library is a large download that only the workload chart needs: loaded with the chart.
const WorkloadChart = lazy(() => import('./WorkloadChart').then((m) => ({ default: m.WorkloadChart })));

/** What is legally due, when and why: Future / All / Unknown / Overdue, each row schedulable. */
export function ForecastsPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const [view, setView] = useState<ForecastView>('future');
  const [filters, setFilters] = useState<ForecastFilters>(emptyForecastFilters);
  const [scheduling, setScheduling] = useState<ForecastItem | null>(null);
  const list = usePagedList([...FORECASTS_KEY, view, filters], (cursor) =>
    listForecasts(view, filters, cursor),
  );
  const pick =
    <K extends keyof ForecastFilters>(key: K) =>
    (value: ForecastFilters[K]) =>
      setFilters((current) => ({ ...current, [key]: value }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyForecastFilters);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('forecasts.title')}
        description={t('forecasts.intro')}
        actions={abilities.exportData && <ExportButton href={forecastsExportUrl(view, filters)} />}
      />
      <Suspense fallback={<Loader size="sm" m="md" />}>
        <WorkloadChart type={filters.type} />
      </Suspense>
      <Paper withBorder radius="md" p="md">
        <Tabs value={view} onChange={(v) => setView((v ?? 'future') as ForecastView)}>
          <Tabs.List mb="md">
            {FORECAST_VIEWS.map((v) => (
              <Tabs.Tab key={v} value={v}>
                {t(`forecasts.views.${v}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Stack>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('forecasts.type')}
              placeholder={t('common.all')}
              data={FORECAST_TYPES.map((ty) => ({ value: ty, label: t(`forecasts.types.${ty}`) }))}
              value={filters.type}
              onChange={(v) => pick('type')(v as ForecastType | null)}
              clearable
              w={240}
            />
            {view !== 'unknown' && (
              <>
                <DateField
                  label={t('workOrders.from')}
                  value={filters.from}
                  onChange={pick('from')}
                  w={160}
                />
                <DateField label={t('workOrders.to')} value={filters.to} onChange={pick('to')} w={160} />
              </>
            )}
            <CustomerSelect
              label={t('installations.customer')}
              value={filters.customerId}
              onChange={pick('customerId')}
              w={260}
            />
            <ClearFiltersButton shown={filtered} onClick={() => setFilters(emptyForecastFilters)} />
          </Group>
          <Text size="sm" c="dimmed">
            {t(`forecasts.viewHelp.${view}`)}
          </Text>
          <PagedResults list={list} empty={t('forecasts.empty')}>
            <ForecastsTable items={list.items} onSchedule={setScheduling} />
          </PagedResults>
        </Stack>
      </Paper>
      {scheduling && <ScheduleModal item={scheduling} onClose={() => setScheduling(null)} />}
    </Stack>
  );
}
