import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context';
import { AppBreadcrumbs } from '../../components/AppBreadcrumbs';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelChips } from '../../components/LabelChips';
import { PageHeader } from '../../components/PageHeader';
import { WorkOrderDocuments } from '../documents/WorkOrderDocuments';
import { getInstallation, INSTALLATIONS_KEY } from '../installations/installations-api';
import { StatusBadge } from './StatusBadge';
import { draftOfWorkOrder, newWorkOrderDraft } from './work-order-draft';
import { WorkOrderForm } from './WorkOrderForm';
import { getWorkOrder, WORK_ORDERS_KEY } from './work-orders-api';

/** /work-orders/new (?customerId= or ?installationId=) and /work-orders/:id. */
export function WorkOrderFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const session = useSession();
  const installationId = search.get('installationId');
  const existing = useQuery({
    queryKey: [...WORK_ORDERS_KEY, id],
    queryFn: () => getWorkOrder(id ?? ''),
    enabled: Boolean(id),
  });
  const installation = useQuery({
    queryKey: [...INSTALLATIONS_KEY, installationId],
    queryFn: () => getInstallation(installationId ?? ''),
    enabled: !id && Boolean(installationId),
  });
  const error = existing.error ?? installation.error;
  if (error) return <ErrorAlert error={error} />;
  if ((id && !existing.data) || (!id && installationId && !installation.data)) return <CenteredLoader />;

  const wo = existing.data ?? null;
  const me = session.user.roles.includes('technician') ? session.user.id : null;
  const initial = wo
    ? draftOfWorkOrder(wo)
    : newWorkOrderDraft(
        installation.data?.customerId ?? search.get('customerId'),
        installation.data ? [installation.data.id] : [],
        me,
      );
  const title = wo ? t('workOrders.numbered', { number: wo.number }) : t('workOrders.add');

  return (
    <Stack gap="lg">
      <AppBreadcrumbs
        items={[
          { label: t('workOrders.title'), to: '/work-orders' },
          ...(wo ? [{ label: wo.customerName, to: `/customers/${wo.customerId}` }] : []),
          { label: title },
        ]}
      />
      <PageHeader
        title={title}
        description={wo ? wo.customerName : undefined}
        actions={
          wo && (
            <>
              <StatusBadge status={wo.status} />
              <LabelChips labels={wo.labels} />
            </>
          )
        }
      />
      {wo && <WorkOrderDocuments workOrder={wo} />}
      <WorkOrderForm
        key={wo ? `${wo.id}:${wo.version}` : 'new'}
        workOrder={wo}
        initial={initial}
        onReload={() =>
          void existing.refetch().then((r) => {
            if (r.isSuccess) notifications.show({ color: 'climalog', message: t('conflict.reloaded') });
          })
        }
        reloading={existing.isFetching}
      />
    </Stack>
  );
}
