import { Anchor, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Cylinder } from '../../api/work-types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDateFormat, useNumberFormat } from '../../i18n/format';
import { CYLINDERS_KEY, getCylinder } from './inventory-api';

const REASONS = ['withdrawal', 'recovery', 'adjustment', 'reversal'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (v: string): v is Reason => (REASONS as readonly string[]).includes(v);

/** The latest movements of a cylinder: withdrawals, recoveries and corrections. */
export function CylinderMovementsModal({ cylinder, onClose }: { cylinder: Cylinder; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const { kg } = useNumberFormat();
  const query = useQuery({
    queryKey: [...CYLINDERS_KEY, cylinder.id],
    queryFn: () => getCylinder(cylinder.id),
  });
  const movements = query.data?.movements ?? [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('inventory.movementsOf', { name: cylinder.serialNumber || cylinder.refrigerant || '' })}
      centered
      size="lg"
    >
      <Stack>
        <Text size="sm">
          {t('inventory.contentNow', {
            content: kg(query.data?.contentKg ?? cylinder.contentKg),
            capacity: kg(cylinder.capacityKg),
          })}
        </Text>
        <ErrorAlert error={query.error} />
        {query.isPending && <CenteredLoader />}
        {query.isSuccess && movements.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inventory.noMovements')}
          </Text>
        )}
        {movements.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.when')}</Table.Th>
                <Table.Th scope="col">{t('inventory.reason')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('inventory.delta')}
                </Table.Th>
                <Table.Th scope="col">{t('workOrders.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {movements.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{dateTime(m.at)}</Table.Td>
                  <Table.Td>{isReason(m.reason) ? t(`inventory.reasons.${m.reason}`) : m.reason}</Table.Td>
                  <Table.Td ta="right" c={m.deltaKg < 0 ? 'red.8' : 'green.8'} ff="monospace">
                    {m.deltaKg > 0 ? '+' : '−'}
                    {kg(Math.abs(m.deltaKg))}
                  </Table.Td>
                  <Table.Td>
                    {m.workOrderId && (
                      <Anchor
                        component={Link}
                        to={`/work-orders/${m.workOrderId}`}
                        size="sm"
                        onClick={onClose}
                      >
                        {t('inventory.openWorkOrder')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
