import { Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INSTALLATION_KINDS, type InstallationKind } from '../../api/site-types';
import { useSession } from '../../auth/session-context';
import { IconSearch } from '../../components/icons';
import { ClearFiltersButton, ExportButton } from '../../components/ListControls';
import { PageHeader } from '../../components/PageHeader';
import { text } from '../../components/useFields';
import { useListParams, useSearchText } from '../../components/useListParams';
import { LabelFilter } from '../labels/LabelFilter';
import {
  emptyInstallationFilters,
  INSTALLATION_SORTS,
  installationsExportUrl,
  type InstallationFilters,
} from './installations-api';
import { InstallationsList } from './InstallationsList';
import { useRefrigerants } from './useRefrigerants';

/** All installations: search, filter by kind, refrigerant, label and archive state, sort, export. */
export function InstallationsPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const refrigerants = useRefrigerants();
  const { filters, setFilters, filtered, clearFilters, sort } = useListParams(
    emptyInstallationFilters,
    INSTALLATION_SORTS,
  );
  const [search, setSearch] = useSearchText(filters.q, (q) => setFilters({ q }));
  const { q } = filters;
  const pick =
    <K extends keyof InstallationFilters>(key: K) =>
    (value: InstallationFilters[K]) =>
      setFilters({ [key]: value } as Partial<InstallationFilters>);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('installations.title')}
        description={t('installations.intro')}
        actions={
          abilities.exportData && (
            <ExportButton href={installationsExportUrl({ ...filters, sort: sort.value })} />
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('installations.searchLabel')}
              placeholder={t('installations.searchPlaceholder')}
              type="search"
              leftSection={<IconSearch />}
              value={search}
              onChange={text(setSearch)}
              w={300}
            />
            <Select
              label={t('fields.kind')}
              placeholder={t('common.all')}
              data={INSTALLATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={filters.kind}
              onChange={(v) => pick('kind')(v as InstallationKind | null)}
              clearable
              w={190}
            />
            <Select
              label={t('fields.refrigerant')}
              placeholder={t('common.all')}
              data={refrigerants.options}
              value={filters.refrigerant}
              onChange={pick('refrigerant')}
              searchable
              clearable
              w={160}
            />
            <LabelFilter scope="installation" value={filters.labelId} onChange={pick('labelId')} />
            <Select
              label={t('installations.archiveFilter')}
              data={(['false', 'true', 'all'] as const).map((v) => ({
                value: v,
                label: t(`installations.archivedValues.${v}`),
              }))}
              value={filters.archived}
              onChange={(v) => pick('archived')((v ?? 'false') as InstallationFilters['archived'])}
              allowDeselect={false}
              w={170}
            />
            <ClearFiltersButton shown={filtered} onClick={clearFilters} />
          </Group>
          <InstallationsList
            filters={filters}
            sort={sort}
            empty={q ? t('installations.noMatch', { q }) : t('installations.empty')}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
