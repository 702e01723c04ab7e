import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Customer } from '../../api/types';
import { formatEnterpriseNumber } from '../../components/enterprise-number';
import { LabelChips } from '../../components/LabelChips';
import { SortableTh } from '../../components/SortableTh';
import type { SortControl } from '../../components/useListParams';
import { useDateFormat } from '../../i18n/format';
import type { CustomerSortField } from './customers-api';

type Props = {
  customers: Customer[];
  sort?: SortControl<CustomerSortField>;
  onEdit: (c: Customer) => void;
  onDelete: (c: Customer) => void;
};

export function CustomersTable({ customers, sort, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh sort={sort} field="name">
              {t('customers.name')}
            </SortableTh>
            <SortableTh sort={sort} field="number">
              {t('customers.customerNumber')}
            </SortableTh>
            <Table.Th scope="col">{t('customers.enterpriseNumber')}</Table.Th>
            <Table.Th scope="col">{t('customers.language')}</Table.Th>
            <SortableTh sort={sort} field="createdAt">
              {t('customers.createdAt')}
            </SortableTh>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row" fw={500}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/customers/${c.id}`} fw={500}>
                    {c.name}
                  </Anchor>
                  {c.internalName && (
                    <Text size="xs" c="dimmed">
                      {c.internalName}
                    </Text>
                  )}
                  <LabelChips labels={c.labels} size="xs" />
                </Stack>
              </Table.Th>
              <Table.Td>{c.customerNumber ?? <Text c="dimmed">{t('common.none')}</Text>}</Table.Td>
              <Table.Td ff="monospace">
                {c.enterpriseNumber ? (
                  formatEnterpriseNumber(c.enterpriseNumber)
                ) : (
                  <Text c="dimmed">{t('common.none')}</Text>
                )}
              </Table.Td>
              <Table.Td>{t(`languages.${c.language}`)}</Table.Td>
              <Table.Td>{date(c.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {c.abilities.update && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onEdit(c)}
                      aria-label={`${t('common.edit')}: ${c.name}`}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                  {c.abilities.delete && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onDelete(c)}
                      aria-label={`${t('common.delete')}: ${c.name}`}
                    >
                      {t('common.delete')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
