import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkOrder } from '../../api/work-types';
import { LabelChips } from '../../components/LabelChips';
import { SortableTh } from '../../components/SortableTh';
import type { SortControl } from '../../components/useListParams';
import { useDateFormat } from '../../i18n/format';
import { useActivityText } from './activity-text';
import { StatusBadge } from './StatusBadge';
import type { WorkOrderSortField } from './work-orders-api';

type Props = { workOrders: WorkOrder[]; sort?: SortControl<WorkOrderSortField> };

/** Work orders with their date, customer, status, executor and activities. */
export function WorkOrdersTable({ workOrders, sort }: Props) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const activityText = useActivityText();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh sort={sort} field="number">
              {t('workOrders.number')}
            </SortableTh>
            <SortableTh sort={sort} field="date">
              {t('workOrders.date')}
            </SortableTh>
            <SortableTh sort={sort} field="customer">
              {t('workOrders.customer')}
            </SortableTh>
            <SortableTh sort={sort} field="status">
              {t('workOrders.status')}
            </SortableTh>
            <Table.Th scope="col">{t('workOrders.executor')}</Table.Th>
            <Table.Th scope="col">{t('activities.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workOrders.map((wo) => (
            <Table.Tr key={wo.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/work-orders/${wo.id}`} fw={600}>
                  {t('workOrders.numbered', { number: wo.number })}
                </Anchor>
                <LabelChips labels={wo.labels} size="xs" />
              </Table.Th>
              <Table.Td>{date(wo.executedOn ?? wo.plannedOn) || t('workOrders.noDate')}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${wo.customerId}`} size="sm">
                  {wo.customerName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={wo.status} />
              </Table.Td>
              <Table.Td>{wo.executorName ?? <Text c="dimmed">{t('common.none')}</Text>}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {wo.activities.slice(0, 3).map((a) => (
                    <Text key={a.id} size="xs">
                      {activityText(a).title}
                    </Text>
                  ))}
                  {wo.activities.length > 3 && (
                    <Text size="xs" c="dimmed">
                      {t('workOrders.moreActivities', { count: wo.activities.length - 3 })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
