import { Button, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconDownload } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { usePagedList } from '../../components/usePagedList';
import {
  AUDIT_KEY,
  auditExportUrl,
  emptyAuditFilters,
  listAuditEvents,
  type AuditFilters,
} from './audit-api';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { VerifyIntegrity } from './VerifyIntegrity';

/** The audit log: newest first, filtered, paged, exported, its hash chain verified. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [debounced] = useDebouncedValue(filters, 300);
  const list = usePagedList([...AUDIT_KEY, 'events', debounced], (cursor) =>
    listAuditEvents(debounced, cursor),
  );

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          abilities.exportData && (
            <Button
              component="a"
              href={auditExportUrl(debounced)}
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
        <VerifyIntegrity />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack>
          <AuditFilterBar value={filters} onChange={setFilters} />
          <ErrorAlert error={list.error} />
          {list.isPending ? (
            <CenteredLoader />
          ) : list.items.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              {t('audit.empty')}
            </Text>
          ) : (
            <AuditTable events={list.items} onEntity={(entityId) => setFilters({ ...filters, entityId })} />
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
