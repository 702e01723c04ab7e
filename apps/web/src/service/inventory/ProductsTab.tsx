import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/work-types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { listProducts, PRODUCTS_KEY, updateProduct } from './inventory-api';
import { ProductFormModal } from './ProductFormModal';

/** Products used on work orders (no prices): add, edit, archive. */
export function ProductsTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const products = useQuery({
    queryKey: [...PRODUCTS_KEY, { archived }],
    queryFn: () => listProducts(archived),
  });
  const toggle = useMutation({
    mutationFn: (p: Product) => updateProduct(p.id, { archived: !p.archived }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }),
  });
  const items = products.data ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Checkbox
          label={t('inventory.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
        />
        <Button leftSection={<IconPlus />} onClick={() => setEditing('new')}>
          {t('inventory.addProduct')}
        </Button>
      </Group>
      <ErrorAlert error={products.error ?? toggle.error} />
      {products.isPending && <CenteredLoader />}
      {products.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('inventory.noProductsYet')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.productName')}</Table.Th>
                <Table.Th scope="col">{t('inventory.sku')}</Table.Th>
                <Table.Th scope="col">{t('inventory.unit')}</Table.Th>
                <Table.Th scope="col">{t('inventory.notes')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    {p.name}{' '}
                    {p.archived && (
                      <Badge size="xs" color="gray">
                        {t('inventory.archived')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{p.sku ?? t('common.none')}</Table.Td>
                  <Table.Td>{p.unit}</Table.Td>
                  <Table.Td>{p.notes}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(p)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        onClick={() => toggle.mutate(p)}
                      >
                        {p.archived ? t('inventory.unarchive') : t('inventory.archive')}
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
        <ProductFormModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
