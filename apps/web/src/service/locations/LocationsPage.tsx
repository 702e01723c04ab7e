import { Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/site-types';
import { useSession } from '../../auth/session-context';
import { IconSearch } from '../../components/icons';
import { ClearFiltersButton, ExportButton } from '../../components/ListControls';
import { PagedResults } from '../../components/PagedResults';
import { PageHeader } from '../../components/PageHeader';
import { text } from '../../components/useFields';
import { useListParams, useSearchText } from '../../components/useListParams';
import { usePagedList } from '../../components/usePagedList';
import { LabelFilter } from '../labels/LabelFilter';
import {
  emptyLocationFilters,
  listLocations,
  LOCATION_SORTS,
  LOCATIONS_KEY,
  locationsExportUrl,
} from './locations-api';
import { LocationsTable } from './LocationsTable';

/** The locations of all customers: search, filter by region and label, sort, export. */
export function LocationsPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const { filters, setFilters, filtered, clearFilters, sort } = useListParams(
    emptyLocationFilters,
    LOCATION_SORTS,
  );
  const [search, setSearch] = useSearchText(filters.q, (q) => setFilters({ q }));
  const params = { ...filters, sort: sort.value };
  // The sort is part of the key: another order starts again from the first page.
  const list = usePagedList([...LOCATIONS_KEY, 'list', params], (cursor) => listLocations(params, cursor));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('locations.title')}
        description={t('locations.intro')}
        actions={abilities.exportData && <ExportButton href={locationsExportUrl(params)} />}
      />
      <Paper withBorder radius="md" p="md">
        <Stack>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('locations.searchLabel')}
              placeholder={t('locations.searchPlaceholder')}
              type="search"
              leftSection={<IconSearch />}
              value={search}
              onChange={text(setSearch)}
              w={300}
            />
            <Select
              label={t('locations.region')}
              placeholder={t('common.all')}
              data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
              value={filters.region}
              onChange={(region) => setFilters({ region: region as Region | null })}
              clearable
              w={180}
            />
            <LabelFilter
              scope="location"
              value={filters.labelId}
              onChange={(labelId) => setFilters({ labelId })}
            />
            <ClearFiltersButton shown={filtered} onClick={clearFilters} />
          </Group>
          <PagedResults
            list={list}
            empty={filters.q ? t('locations.noMatch', { q: filters.q }) : t('locations.emptyAll')}
          >
            <LocationsTable locations={list.items} sort={sort} />
          </PagedResults>
        </Stack>
      </Paper>
    </Stack>
  );
}
