import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ForecastItem } from '../../api/work-types';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField } from '../../components/fields/DateField';
import { fieldErrorsOf } from '../../i18n/error-text';
import { todayIso } from '../../i18n/format';
import { listTechnicians, WORK_ORDERS_KEY } from '../work-orders/work-orders-api';
import { FORECASTS_KEY, scheduleForecast } from './forecasts-api';

const FIELDS = ['plannedOn', 'executorId'];

/** Plans the work a forecast asks for: a work order "to be executed" on the chosen day. */
export function ScheduleModal({ item, onClose }: { item: ForecastItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const today = todayIso();
  const [plannedOn, setPlannedOn] = useState<string | null>(
    item.dueOn && item.dueOn > today ? item.dueOn : today,
  );
  const [executorId, setExecutorId] = useState<string | null>(null);
  const technicians = useQuery({
    queryKey: ['users', 'technicians'],
    queryFn: listTechnicians,
    enabled: abilities.viewUsers,
  });
  const schedule = useMutation({
    mutationFn: () =>
      scheduleForecast({
        installationId: item.installationId ?? '',
        type: item.type,
        plannedOn: plannedOn ?? '',
        executorId,
      }),
    onSuccess: (wo) => {
      void queryClient.invalidateQueries({ queryKey: FORECASTS_KEY });
      void queryClient.invalidateQueries({ queryKey: WORK_ORDERS_KEY });
      notifications.show({
        color: 'climalog',
        message: (
          <Text size="sm">
            {t('forecasts.scheduled')}{' '}
            <Anchor component={Link} to={`/work-orders/${wo.id}`} size="sm">
              {t('workOrders.numbered', { number: wo.number })}
            </Anchor>
          </Text>
        ),
      });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, schedule.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('forecasts.scheduleTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {t(`forecasts.types.${item.type}`)} · {item.customerName} · {item.reference}
          </Text>
          <DateField
            label={t('workOrders.plannedOn')}
            value={plannedOn}
            onChange={setPlannedOn}
            required
            error={errors.plannedOn}
            data-autofocus
          />
          {abilities.viewUsers && (
            <Select
              label={t('workOrders.executor')}
              data={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={executorId}
              onChange={setExecutorId}
              error={errors.executorId}
              placeholder={technicians.data?.length === 0 ? t('workOrders.noTechnicians') : undefined}
              searchable
              clearable
            />
          )}
          <ErrorAlert error={schedule.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={schedule.isPending} disabled={!plannedOn}>
              {t('forecasts.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
