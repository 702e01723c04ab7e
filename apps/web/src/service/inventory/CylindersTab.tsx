import { Badge, Button, Checkbox, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cylinder } from '../../api/work-types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { useNumberFormat } from '../../i18n/format';
import { CylinderFormModal } from './CylinderFormModal';
import { CylinderMovementsModal } from './CylinderMovementsModal';
import { CYLINDERS_KEY, listCylinders } from './inventory-api';

/** Refrigerant cylinders with their content; every addition to an installation is a withdrawal. */
export function CylindersTab() {
  const { t } = useTranslation();
  const { kg } = useNumberFormat();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Cylinder | 'new' | null>(null);
  const [viewing, setViewing] = useState<Cylinder | null>(null);
  const cylinders = useQuery({
    queryKey: [...CYLINDERS_KEY, { archived }],
    queryFn: () => listCylinders({ archived }),
  });
  const items = cylinders.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Checkbox
          label={t('inventory.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
        />
        <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
          {t('inventory.addCylinder')}
        </Button>
      </Group>
      <ErrorAlert error={cylinders.error} />
      {cylinders.isPending && <CenteredLoader />}
      {cylinders.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('inventory.noCylinders')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.serialNumber')}</Table.Th>
                <Table.Th scope="col">{t('inventory.kind')}</Table.Th>
                <Table.Th scope="col">{t('fields.refrigerant')}</Table.Th>
                <Table.Th scope="col">{t('inventory.content')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {c.serialNumber || t('common.none')}{' '}
                    {c.archived && (
                      <Badge size="xs" color="gray">
                        {t('inventory.archived')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{t(`inventory.kinds.${c.kind}`)}</Table.Td>
                  <Table.Td>{c.refrigerant ?? t('inventory.mixed')}</Table.Td>
                  <Table.Td miw={200}>
                    <Text size="sm" data-testid="cylinder-content">
                      {kg(c.contentKg)} / {kg(c.capacityKg)}
                    </Text>
                    <Progress
                      value={c.capacityKg ? (c.contentKg / c.capacityKg) * 100 : 0}
                      size="sm"
                      mt={4}
                      aria-label={t('inventory.content')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setViewing(c)}>
                        {t('inventory.movements')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c)}>
                        {t('common.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CylinderFormModal cylinder={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {viewing && <CylinderMovementsModal cylinder={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
