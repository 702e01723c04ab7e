import { Button, Checkbox, Group, Paper, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../api/work-types';
import { useSession } from '../../auth/session-context';
import { DateField } from '../../components/fields/DateField';
import { IconPlus } from '../../components/icons';
import { ClearFiltersButton, ExportButton } from '../../components/ListControls';
import { PagedResults } from '../../components/PagedResults';
import { PageHeader } from '../../components/PageHeader';
import { useListParams } from '../../components/useListParams';
import { usePagedList } from '../../components/usePagedList';
import { LabelFilter } from '../labels/LabelFilter';
import {
  emptyWorkOrderFilters,
  listTechnicians,
  listWorkOrders,
  WORK_ORDER_SORTS,
  WORK_ORDERS_KEY,
  workOrdersExportUrl,
  type WorkOrderFilters,
} from './work-orders-api';
import { WorkOrdersTable } from './WorkOrdersTable';

/** Work orders: filter by status, executor, label and period; sort; export; plan a new one. */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const { filters, setFilters, filtered, clearFilters, sort } = useListParams(
    emptyWorkOrderFilters,
    WORK_ORDER_SORTS,
  );
  const params = { ...filters, sort: sort.value };
  // The sort is part of the key: another order starts again from the first page.
  const list = usePagedList([...WORK_ORDERS_KEY, 'list', params], (cursor) => listWorkOrders(params, cursor));
  const technicians = useQuery({
    queryKey: ['users', 'technicians'],
    queryFn: listTechnicians,
    enabled: abilities.viewUsers,
  });
  const pick =
    <K extends keyof WorkOrderFilters>(key: K) =>
    (value: WorkOrderFilters[K]) =>
      setFilters({ [key]: value } as Partial<WorkOrderFilters>);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('workOrders.title')}
        actions={
          <>
            {abilities.exportData && <ExportButton href={workOrdersExportUrl(params)} />}
            <Button component={Link} to="/work-orders/new" leftSection={<IconPlus />}>
              {t('workOrders.add')}
            </Button>
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('workOrders.status')}
              placeholder={t('common.all')}
              data={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`workOrders.statuses.${s}`) }))}
              value={filters.status}
              onChange={(v) => pick('status')(v as WorkOrderStatus | null)}
              clearable
              w={180}
            />
            {abilities.viewUsers && (
              <Select
                label={t('workOrders.executor')}
                placeholder={t('common.all')}
                data={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                value={filters.executorId}
                onChange={pick('executorId')}
                disabled={filters.mine}
                clearable
                searchable
                w={200}
              />
            )}
            <LabelFilter scope="work_order" value={filters.labelId} onChange={pick('labelId')} />
            <DateField label={t('workOrders.from')} value={filters.from} onChange={pick('from')} w={160} />
            <DateField label={t('workOrders.to')} value={filters.to} onChange={pick('to')} w={160} />
            <Checkbox
              label={t('workOrders.mine')}
              checked={filters.mine}
              onChange={(e) => pick('mine')(e.currentTarget.checked)}
              mb={8}
            />
            <ClearFiltersButton shown={filtered} onClick={clearFilters} />
          </Group>
          <PagedResults list={list} empty={filtered ? t('workOrders.noMatch') : t('workOrders.empty')}>
            <WorkOrdersTable workOrders={list.items} sort={sort} />
          </PagedResults>
        </Stack>
      </Paper>
    </Stack>
  );
}
