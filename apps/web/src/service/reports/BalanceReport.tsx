import { Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useSession } from '../../auth/session-context';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ListControls';
import { useMonthFormat, useNumberFormat } from '../../i18n/format';
import { balanceExportUrl, getBalance, REPORTS_KEY } from './reports-api';

const ADDED = '#0b7777';
const RECOVERED = '#e67700';

/** Refrigerant added and recovered in a year: a monthly chart and a table per refrigerant. */
export function BalanceReport() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const { kg, number, tonnes } = useNumberFormat();
  const monthName = useMonthFormat();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const balance = useQuery({ queryKey: [...REPORTS_KEY, 'balance', year], queryFn: () => getBalance(year) });
  const lines = balance.data?.lines ?? [];
  const months = Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const sum = (key: 'addedKg' | 'recoveredKg') =>
      lines.reduce((total, l) => total + (l.months.find((m) => m.month === month)?.[key] ?? 0), 0);
    return {
      month: monthName(`${year}-${String(month).padStart(2, '0')}`),
      added: sum('addedKg'),
      recovered: sum('recoveredKg'),
    };
  });
  const total = (key: 'addedKg' | 'recoveredKg' | 'addedCo2eTonnes' | 'recoveredCo2eTonnes') =>
    lines.reduce((sum, l) => sum + (l[key] ?? 0), 0);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('reports.year')}
          data={Array.from({ length: 8 }, (_, i) => String(thisYear - i))}
          value={String(year)}
          onChange={(v) => setYear(Number(v ?? thisYear))}
          allowDeselect={false}
          w={120}
        />
        {abilities.exportData && <ExportButton href={balanceExportUrl(year)} />}
      </Group>
      <ErrorAlert error={balance.error} />
      {balance.isPending && <CenteredLoader />}
      {balance.isSuccess && (
        <>
          <Box
            h={300}
            role="img"
            aria-label={t('reports.balanceChart', {
              year,
              added: kg(total('addedKg')),
              recovered: kg(total('recoveredKg')),
            })}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={months} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" fontSize={12} />
                <YAxis fontSize={12} tickFormatter={(v: number) => number(v, 1)} unit=" kg" width={70} />
                <Tooltip formatter={(v) => kg(Number(v))} />
                <Legend />
                <Bar dataKey="added" name={t('reports.added')} fill={ADDED} radius={[3, 3, 0, 0]} />
                <Bar
                  dataKey="recovered"
                  name={t('reports.recovered')}
                  fill={RECOVERED}
                  radius={[3, 3, 0, 0]}
                />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          {lines.length === 0 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('reports.noMovements', { year })}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('fields.refrigerant')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('reports.added')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('reports.addedCo2e')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('reports.recovered')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('reports.recoveredCo2e')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((l) => (
                    <Table.Tr key={l.refrigerant}>
                      <Table.Th scope="row">{l.refrigerant}</Table.Th>
                      <Table.Td ta="right">{kg(l.addedKg)}</Table.Td>
                      <Table.Td ta="right">{tonnes(l.addedCo2eTonnes)}</Table.Td>
                      <Table.Td ta="right">{kg(l.recoveredKg)}</Table.Td>
                      <Table.Td ta="right">{tonnes(l.recoveredCo2eTonnes)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Th scope="row">{t('reports.total')}</Table.Th>
                    <Table.Td ta="right">{kg(total('addedKg'))}</Table.Td>
                    <Table.Td ta="right">{tonnes(total('addedCo2eTonnes'))}</Table.Td>
                    <Table.Td ta="right">{kg(total('recoveredKg'))}</Table.Td>
                    <Table.Td ta="right">{tonnes(total('recoveredCo2eTonnes'))}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
