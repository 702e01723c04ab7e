import { Button, Checkbox, ColorInput, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/types';
import type { Label, LabelScope } from '../../api/work-types';
import { changedFields, isEmpty } from '../../components/changed-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelChips } from '../../components/LabelChips';
import { useEditedRecord } from '../../components/useEditedRecord';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { createLabel, getLabel, LABELS_KEY, updateLabel } from './labels-api';

const FIELDS = ['name', 'colour', 'description', 'settableBy', 'printOnWorkOrder'];
const SWATCHES = ['#0b7285', '#2b8a3e', '#e67700', '#c92a2a', '#5f3dc4', '#1864ab', '#862e9c', '#495057'];

type Props = { scope: LabelScope; label: Label | null; onClose: () => void };

const initialValues = (label: Label | null) => ({
  name: label?.name ?? '',
  colour: label?.colour ?? '#0b7285',
  description: label?.description ?? '',
  settableBy: label?.settableBy ?? [],
  printOnWorkOrder: label?.printOnWorkOrder ?? false,
});

/**
 * Defines a label: name, colour, description, who may set it, printed on work orders or not. An
 * edit another administrator overtook is not written.
 */
export function LabelFormModal({ scope, label: opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, setValues } = useFields(initialValues(opened));
  const { record: label, conflict } = useEditedRecord(opened, {
    fetchLatest: (l) => getLabel(l.id, l.scope),
    onReloaded: (latest) => {
      setValues(initialValues(latest));
      mutation.reset();
    },
    invalidate: [LABELS_KEY],
  });
  const mutation = useMutation({
    mutationFn: () => {
      if (!label) return createLabel({ scope, ...values });
      const patch = changedFields(initialValues(label), values);
      return isEmpty(patch)
        ? Promise.resolve(label)
        : updateLabel(label.id, { ...patch, version: label.version });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LABELS_KEY });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={label ? t('labels.edit') : t('labels.add', { scope: t(`labels.scopes.${scope}`) })}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('labels.name')}
            required
            data-autofocus
            value={values.name}
            onChange={text(set('name'))}
            error={errors.name}
          />
          <ColorInput
            label={t('labels.colour')}
            format="hex"
            swatches={SWATCHES}
            value={values.colour}
            onChange={set('colour')}
            error={errors.colour}
          />
          <Group gap="xs">
            <LabelChips
              labels={[{ id: 'preview', name: values.name || t('labels.preview'), colour: values.colour }]}
            />
          </Group>
          <Textarea
            label={t('labels.description')}
            autosize
            value={values.description}
            onChange={text(set('description'))}
            error={errors.description}
          />
          <Checkbox.Group
            label={t('labels.settableBy')}
            description={t('labels.settableByHelp')}
            value={values.settableBy}
            onChange={(v) => set('settableBy')(v as typeof values.settableBy)}
          >
            <Group gap="md" mt={6}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {scope === 'work_order' && (
            <Checkbox
              label={t('labels.printOnWorkOrder')}
              checked={values.printOnWorkOrder}
              onChange={(e) => set('printOnWorkOrder')(e.currentTarget.checked)}
            />
          )}
          <ErrorAlert
            error={mutation.error}
            fields={FIELDS}
            conflict={label ? conflict(t('conflict.records.label', { name: label.name })) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
