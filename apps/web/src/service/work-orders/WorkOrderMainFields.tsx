import { MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../api/site-types';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../../api/work-types';
import { useSession } from '../../auth/session-context';
import { DateField } from '../../components/fields/DateField';
import { LabelPicker } from '../../components/LabelPicker';
import { CustomerSelect } from '../customers/CustomerSelect';
import { installationTitle } from '../installations/installation-text';
import type { WorkOrderDraft } from './work-order-draft';
import { listTechnicians } from './work-orders-api';

type Props = {
  values: WorkOrderDraft;
  set: <K extends keyof WorkOrderDraft>(field: K) => (value: WorkOrderDraft[K]) => void;
  errors: Record<string, string>;
  installations: Installation[];
  customerLocked: boolean;
  onCustomerChange: (id: string | null) => void;
};

/** Customer, installations, status, dates, executor and labels of a work order. */
export function WorkOrderMainFields({
  values,
  set,
  errors,
  installations,
  customerLocked,
  onCustomerChange,
}: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const technicians = useQuery({
    queryKey: ['users', 'technicians'],
    queryFn: listTechnicians,
    enabled: session.abilities.viewUsers,
  });
  const isTechnician = session.user.roles.includes('technician');
  const executorOptions = (technicians.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CustomerSelect
          label={t('workOrders.customer')}
          value={values.customerId}
          onChange={onCustomerChange}
          disabled={customerLocked}
          error={errors.customerId}
          required
          autoFocus={!customerLocked}
        />
        <MultiSelect
          label={t('workOrders.installations')}
          description={t('workOrders.installationsHelp')}
          data={installations.map((i) => ({ value: i.id, label: installationTitle(t, i) }))}
          value={values.installationIds}
          onChange={set('installationIds')}
          error={errors.installationIds}
          disabled={!values.customerId}
          searchable
          required
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="wo-status">
          {t('workOrders.status')}
        </Text>
        <SegmentedControl
          aria-labelledby="wo-status"
          value={values.status}
          onChange={(v) => set('status')(v as WorkOrderStatus)}
          data={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`workOrders.statuses.${s}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('workOrders.plannedOn')}
          value={values.plannedOn}
          onChange={set('plannedOn')}
          error={errors.plannedOn}
        />
        {values.status === 'executed' && (
          <DateField
            label={t('workOrders.executedOn')}
            value={values.executedOn}
            onChange={set('executedOn')}
            error={errors.executedOn}
            required
          />
        )}
        {session.abilities.viewUsers ? (
          <Select
            label={t('workOrders.executor')}
            data={executorOptions}
            value={values.executorId}
            onChange={set('executorId')}
            error={errors.executorId}
            placeholder={executorOptions.length === 0 ? t('workOrders.noTechnicians') : undefined}
            searchable
            clearable
          />
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('workOrders.executor')}
            </Text>
            <Text size="sm" c="dimmed">
              {isTechnician ? t('workOrders.executorYou') : t('common.none')}
            </Text>
          </Stack>
        )}
      </SimpleGrid>
      <LabelPicker
        scope="work_order"
        value={values.labelIds}
        onChange={set('labelIds')}
        error={errors.labelIds}
      />
    </Stack>
  );
}
