import { Paper, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { CylindersTab } from './CylindersTab';
import { ProductsTab } from './ProductsTab';

/** Inventory: products and refrigerant cylinders (managers and administrators). */
export function InventoryPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'cylinders' ? 'cylinders' : 'products';
  return (
    <Stack gap="lg">
      <PageHeader title={t('inventory.title')} description={t('inventory.intro')} />
      <Paper withBorder radius="md" p="md">
        <Tabs
          value={tab}
          onChange={(v) => setSearch(v === 'cylinders' ? { tab: 'cylinders' } : {}, { replace: true })}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="products">{t('inventory.products')}</Tabs.Tab>
            <Tabs.Tab value="cylinders">{t('inventory.cylinders')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="products">
            <ProductsTab />
          </Tabs.Panel>
          <Tabs.Panel value="cylinders">
            <CylindersTab />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
