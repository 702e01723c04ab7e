import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../api/work-types';

const COLOURS: Record<WorkOrderStatus, string> = {
  to_be_executed: 'blue',
  executed: 'climalog',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`workOrders.statuses.${status}`)}
    </Badge>
  );
}
