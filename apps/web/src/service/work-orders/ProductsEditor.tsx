import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../components/fields/NumberField';
import { IconPlus, IconTrash } from '../../components/icons';
import { listProducts, PRODUCTS_KEY } from '../inventory/inventory-api';
import type { ProductDraft } from './work-order-draft';

type Props = {
  value: ProductDraft[];
  onChange: (value: ProductDraft[]) => void;
  errorOf: (f: string) => string | undefined;
};

/** Products used from the inventory (no prices). */
export function ProductsEditor({ value, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const products = useQuery({ queryKey: PRODUCTS_KEY, queryFn: () => listProducts() });
  const items = products.data ?? [];
  const change = (index: number, next: Partial<ProductDraft>) =>
    onChange(value.map((p, i) => (i === index ? { ...p, ...next } : p)));
  if (products.isSuccess && items.length === 0 && value.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('workOrders.noProducts')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {value.map((p, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label={t('workOrders.product')}
            data={items.map((x) => ({ value: x.id, label: x.sku ? `${x.name} (${x.sku})` : x.name }))}
            value={p.productId}
            onChange={(v) => change(index, { productId: v })}
            error={errorOf(`products.${index}.productId`)}
            searchable
            style={{ flex: 3 }}
          />
          <NumberField
            label={`${t('workOrders.quantity')}${p.productId ? ` (${items.find((x) => x.id === p.productId)?.unit ?? ''})` : ''}`}
            value={p.quantity}
            onChange={(v) => change(index, { quantity: v })}
            error={errorOf(`products.${index}.quantity`)}
            min={0}
            decimalScale={3}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('workOrders.removeProduct')}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <IconTrash />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus />}
          onClick={() => onChange([...value, { productId: null, quantity: 1 }])}
        >
          {t('workOrders.addProduct')}
        </Button>
      </Group>
    </Stack>
  );
}
