import { Loader, Paper, Stack, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
// The chart library is a large download that only this tab needs: loaded when it is opened.
const BalanceReport = lazy(() => import('./BalanceReport').then((m) => ({ default: m.BalanceReport })));
import { IncompleteReport } from './IncompleteReport';

/** Reports: incomplete installations and the refrigerant balance per year. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'balance' ? 'balance' : 'incomplete';
  return (
    <Stack gap="lg">
      <PageHeader title={t('reports.title')} />
      <Paper withBorder radius="md" p="md">
        <Tabs
          value={tab}
          onChange={(v) => setSearch(v === 'balance' ? { tab: 'balance' } : {}, { replace: true })}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="incomplete">{t('reports.incomplete')}</Tabs.Tab>
            <Tabs.Tab value="balance">{t('reports.balance')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="incomplete">{tab === 'incomplete' && <IncompleteReport />}</Tabs.Panel>
          <Tabs.Panel value="balance">
            {tab === 'balance' && (
              <Suspense fallback={<Loader size="sm" m="md" />}>
                <BalanceReport />
              </Suspense>
            )}
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
