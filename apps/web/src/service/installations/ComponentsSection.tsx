import { Button, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Component, Installation } from '../../api/site-types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { Section } from '../../components/Section';
import { useConfirmedMutation } from '../../components/useConfirmedMutation';
import { text, useFields } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { addComponent, deleteComponent, INSTALLATIONS_KEY, updateComponent } from './installations-api';

const FIELDS = ['kind', 'brand', 'model', 'serialNumber', 'notes'] as const;

/** Compressors, indoor units, …: they feed the instruction card. */
export function ComponentsSection({ installation }: { installation: Installation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Component | 'new' | null>(null);
  const canEdit = installation.abilities.update;
  const remove = useConfirmedMutation({
    mutationFn: (c: Component) => deleteComponent(installation.id, c.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: INSTALLATIONS_KEY });
    },
  });
  return (
    <Section
      title={t('components.title')}
      actions={
        canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPlus />} onClick={() => setEditing('new')}>
            {t('components.add')}
          </Button>
        )
      }
    >
      {installation.components.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('components.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                {FIELDS.map((f) => (
                  <Table.Th key={f} scope="col">
                    {t(`components.${f}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {installation.components.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">{c.kind}</Table.Th>
                  <Table.Td>{c.brand}</Table.Td>
                  <Table.Td>{c.model}</Table.Td>
                  <Table.Td>{c.serialNumber}</Table.Td>
                  <Table.Td>{c.notes}</Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c)}>
                          {t('common.edit')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.ask(c)}>
                          {t('common.delete')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ComponentModal
          installationId={installation.id}
          component={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        {...remove.confirmProps}
        title={t('components.deleteTitle')}
        message={t('components.deleteConfirm', { name: remove.target?.kind ?? '' })}
        confirmLabel={t('common.delete')}
        danger
      />
    </Section>
  );
}

type ModalProps = { installationId: string; component: Component | null; onClose: () => void };

function ComponentModal({ installationId, component, onClose }: ModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set } = useFields({
    kind: component?.kind ?? '',
    brand: component?.brand ?? '',
    model: component?.model ?? '',
    serialNumber: component?.serialNumber ?? '',
    notes: component?.notes ?? '',
  });
  const mutation = useMutation({
    mutationFn: () =>
      component
        ? updateComponent(installationId, component.id, values)
        : addComponent(installationId, values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: INSTALLATIONS_KEY });
      onClose();
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={component ? t('components.edit') : t('components.add')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('components.kind')}
            description={t('components.kindHelp')}
            required
            data-autofocus
            value={values.kind}
            onChange={text(set('kind'))}
            error={errors.kind}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('components.brand')} value={values.brand} onChange={text(set('brand'))} />
            <TextInput label={t('components.model')} value={values.model} onChange={text(set('model'))} />
            <TextInput
              label={t('components.serialNumber')}
              value={values.serialNumber}
              onChange={text(set('serialNumber'))}
            />
          </SimpleGrid>
          <Textarea
            label={t('components.notes')}
            autosize
            value={values.notes}
            onChange={text(set('notes'))}
          />
          <ErrorAlert error={mutation.error} fields={FIELDS} />
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
