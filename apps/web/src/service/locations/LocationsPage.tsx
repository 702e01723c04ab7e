import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGIONS, type Region } from '../../api/site-types';
import { useSession } from '../../auth/session-context';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconDownload, IconSearch } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
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
        actions={
          abilities.exportData && (
            <Button
              component="a"
              href={locationsExportUrl(params)}
              download
              variant="default"
              leftSection={<IconDownload />}
            >
              {t('common.exportXlsx')}
            </Button>
          )
        }
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
            {filtered && (
              <Button variant="subtle" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>
          <ErrorAlert error={list.error} />
          {list.isPending ? (
            <CenteredLoader />
          ) : list.items.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              {filters.q ? t('locations.noMatch', { q: filters.q }) : t('locations.emptyAll')}
            </Text>
          ) : (
            <LocationsTable locations={list.items} sort={sort} />
          )}
          {list.items.length > 0 && (
            <LoadMore
              shown={list.items.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
