import { Button, Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_SCOPES, type Label, type LabelScope } from '../../api/work-types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { LabelChips } from '../../components/LabelChips';
import { PageHeader } from '../../components/PageHeader';
import { useConfirmedMutation } from '../../components/useConfirmedMutation';
import { deleteLabel, LABELS_KEY, listLabels } from './labels-api';
import { LabelFormModal } from './LabelFormModal';

/** Labels for customers, locations, installations and work orders (administrators). */
export function LabelsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<LabelScope>('customer');
  const [editing, setEditing] = useState<Label | 'new' | null>(null);
  const labels = useQuery({ queryKey: [...LABELS_KEY, scope], queryFn: () => listLabels(scope) });
  const remove = useConfirmedMutation({
    mutationFn: (l: Label) => deleteLabel(l.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LABELS_KEY });
    },
  });
  const items = labels.data ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('labels.title')}
        description={t('labels.intro')}
        actions={
          <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
            {t('labels.add', { scope: t(`labels.scopes.${scope}`) })}
          </Button>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Tabs value={scope} onChange={(v) => setScope((v ?? 'customer') as LabelScope)}>
          <Tabs.List>
            {LABEL_SCOPES.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`labels.scopes.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Stack mt="md">
          <ErrorAlert error={labels.error} />
          {labels.isPending && <CenteredLoader />}
          {labels.isSuccess && items.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('labels.empty')}
            </Text>
          )}
          {items.length > 0 && (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('labels.name')}</Table.Th>
                    <Table.Th scope="col">{t('labels.description')}</Table.Th>
                    <Table.Th scope="col">{t('labels.settableBy')}</Table.Th>
                    {scope === 'work_order' && <Table.Th scope="col">{t('labels.printed')}</Table.Th>}
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Th scope="row">
                        <LabelChips labels={[l]} />
                      </Table.Th>
                      <Table.Td>{l.description || t('common.none')}</Table.Td>
                      <Table.Td>
                        {l.settableBy.length === 0
                          ? t('labels.everybody')
                          : l.settableBy.map((r) => t(`roles.${r}`)).join(', ')}
                      </Table.Td>
                      {scope === 'work_order' && (
                        <Table.Td>{l.printOnWorkOrder ? t('common.yes') : t('common.no')}</Table.Td>
                      )}
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(l)}>
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => remove.ask(l)}
                          >
                            {t('common.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
      {editing && (
        <LabelFormModal
          scope={scope}
          label={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        {...remove.confirmProps}
        title={t('labels.deleteTitle')}
        message={t('labels.deleteConfirm', { name: remove.target?.name ?? '' })}
        confirmLabel={t('common.delete')}
        danger
      />
    </Stack>
  );
}
