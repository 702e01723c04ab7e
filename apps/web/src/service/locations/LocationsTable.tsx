import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Location } from '../../api/site-types';
import { LabelChips } from '../../components/LabelChips';
import { SortableTh } from '../../components/SortableTh';
import type { SortControl } from '../../components/useListParams';
import { addressLine, locationTitle, type LocationSortField } from './locations-api';

type Props = { locations: Location[]; sort?: SortControl<LocationSortField> };

/** Locations of all customers with their address, region and first contact person. */
export function LocationsTable({ locations, sort }: Props) {
  const { t } = useTranslation();
  const none = <Text c="dimmed">{t('common.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh sort={sort} field="name">
              {t('locations.location')}
            </SortableTh>
            <SortableTh sort={sort} field="customer">
              {t('locations.customer')}
            </SortableTh>
            <SortableTh sort={sort} field="postcode">
              {t('locations.postcode')}
            </SortableTh>
            <SortableTh sort={sort} field="city">
              {t('locations.city')}
            </SortableTh>
            <Table.Th scope="col">{t('locations.region')}</Table.Th>
            <Table.Th scope="col">{t('locations.contacts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locations.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" fw={500}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/locations/${l.id}`} fw={500}>
                    {locationTitle(l)}
                  </Anchor>
                  {l.name && addressLine(l) && (
                    <Text size="xs" c="dimmed">
                      {addressLine(l)}
                    </Text>
                  )}
                  <LabelChips labels={l.labels} size="xs" />
                </Stack>
              </Table.Th>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${l.customerId}`} size="sm">
                  {l.customerName}
                </Anchor>
              </Table.Td>
              <Table.Td>{l.postcode || none}</Table.Td>
              <Table.Td>{l.city || none}</Table.Td>
              <Table.Td>{l.region ? t(`regions.${l.region}`) : none}</Table.Td>
              <Table.Td>{l.contacts[0]?.name ?? none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
