import { Paper, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { ExportButton } from '../../components/ListControls';
import { PagedResults } from '../../components/PagedResults';
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
        actions={abilities.exportData && <ExportButton href={auditExportUrl(debounced)} />}
      />
      <Paper withBorder radius="md" p="md">
        <VerifyIntegrity />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack>
          <AuditFilterBar value={filters} onChange={setFilters} />
          <PagedResults list={list} empty={t('audit.empty')}>
            <AuditTable events={list.items} onEntity={(entityId) => setFilters({ ...filters, entityId })} />
          </PagedResults>
        </Stack>
      </Paper>
    </Stack>
  );
}
