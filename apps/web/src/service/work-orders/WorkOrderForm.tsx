import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { WorkOrder } from '../../api/work-types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFields } from '../../components/useFields';
import { allFieldErrors } from '../../i18n/error-text';
import { CYLINDERS_KEY } from '../inventory/inventory-api';
import { INSTALLATIONS_KEY, listInstallations } from '../installations/installations-api';
import { ActivitiesSection } from './ActivitiesSection';
import { NotesField } from './NotesField';
import { ProductsEditor } from './ProductsEditor';
import { SignaturePad } from './SignaturePad';
import { workOrderInput, type WorkOrderDraft } from './work-order-draft';
import { WorkOrderMainFields } from './WorkOrderMainFields';
import { createWorkOrder, deleteWorkOrder, updateWorkOrder, WORK_ORDERS_KEY } from './work-orders-api';

type Props = {
  workOrder: WorkOrder | null;
  initial: WorkOrderDraft;
  /** Reads the work order again; the page then shows the form anew on the latest version. */
  onReload: () => void;
  reloading?: boolean;
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Creates or edits a work order; a newer version on the server is reported, never overwritten. */
export function WorkOrderForm({ workOrder, initial, onReload, reloading = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values, set, setValues } = useFields<WorkOrderDraft>(initial);
  const [deleting, setDeleting] = useState(false);
  const installations = useQuery({
    queryKey: [...INSTALLATIONS_KEY, 'of-customer', values.customerId],
    queryFn: () => listInstallations({ customerId: values.customerId, archived: 'false' }, undefined, 200),
    enabled: Boolean(values.customerId),
  });
  const all = installations.data?.items ?? [];
  const chosen = all.filter((i) => values.installationIds.includes(i.id));
  const save = useMutation({
    mutationFn: () => {
      const input = workOrderInput(values);
      if (!workOrder) return createWorkOrder(input);
      // Only what changed: resending the activities would put refrigerant back and take it again.
      const patch = changedFields(workOrderInput(initial), input);
      // Nothing changed: no PATCH, which would count as a change and overtake colleagues' forms.
      return isEmpty(patch)
        ? Promise.resolve(workOrder)
        : updateWorkOrder(workOrder.id, { ...patch, version: workOrder.version });
    },
    onSuccess: (saved) => {
      for (const key of [WORK_ORDERS_KEY, INSTALLATIONS_KEY, CYLINDERS_KEY]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      notifications.show({ color: 'climalog', message: t('workOrders.saved', { number: saved.number }) });
      // The invalidation above reads the work order again: the page shows the saved version.
      navigate(`/work-orders/${saved.id}`, { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteWorkOrder(workOrder?.id ?? ''),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: WORK_ORDERS_KEY });
      navigate('/work-orders');
    },
  });
  const errors = allFieldErrors(t, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const changeCustomer = (customerId: string | null) =>
    setValues((v) => ({ ...v, customerId, installationIds: [], activities: [] }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Part title={t('workOrders.general')}>
          <WorkOrderMainFields
            values={values}
            set={set}
            errors={errors}
            installations={all}
            customerLocked={workOrder !== null}
            onCustomerChange={changeCustomer}
          />
        </Part>
        <Part title={t('activities.title')}>
          <ActivitiesSection
            installations={chosen}
            value={values.activities}
            onChange={set('activities')}
            errorOf={(index, field) => errors[`activities.${index}.${field}`]}
          />
        </Part>
        <Part title={t('workOrders.products')}>
          <ProductsEditor value={values.products} onChange={set('products')} errorOf={(f) => errors[f]} />
        </Part>
        <Part title={t('workOrders.notes')}>
          <NotesField value={values.notes} onChange={set('notes')} error={errors.notes} />
        </Part>
        <Part title={t('signatures.title')}>
          <TextInput
            label={t('signatures.signerName')}
            value={values.signerName}
            onChange={(e) => set('signerName')(e.currentTarget.value)}
            maw={360}
          />
          <SignaturePad
            label={t('signatures.customer')}
            value={values.customerSignature}
            onChange={set('customerSignature')}
          />
        </Part>
        <ErrorAlert
          error={save.error}
          fields={Object.keys(errors)}
          conflict={
            workOrder
              ? {
                  record: t('conflict.records.workOrder', { number: workOrder.number }),
                  onReload,
                  reloading,
                }
              : undefined
          }
        />
        <Group justify="space-between">
          <Group>
            {workOrder?.abilities.delete && (
              <Button variant="default" color="red" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            )}
          </Group>
          <Group>
            <Button variant="default" onClick={() => navigate(-1)}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={workOrder !== null && !workOrder.abilities.update}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <ConfirmModal
        opened={deleting}
        title={t('workOrders.deleteTitle')}
        message={t('workOrders.deleteConfirm', { number: workOrder?.number ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </form>
  );
}
