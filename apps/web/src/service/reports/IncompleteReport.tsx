import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session-context';
import { ExportButton } from '../../components/ListControls';
import { PagedResults } from '../../components/PagedResults';
import { usePagedList } from '../../components/usePagedList';
import { useFieldName } from '../installations/field-names';
import { incompleteExportUrl, listIncomplete, REPORTS_KEY } from './reports-api';

const KINDS = ['refrigeration', 'air_conditioning', 'heat_pump', 'heating'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (v: string | null): v is Kind => v !== null && (KINDS as readonly string[]).includes(v);

/** Installations with essential data missing, and which fields. */
export function IncompleteReport() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const fieldName = useFieldName();
  const list = usePagedList([...REPORTS_KEY, 'incomplete'], (cursor) => listIncomplete(cursor));
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('reports.incompleteIntro')}
        </Text>
        {abilities.exportData && <ExportButton href={incompleteExportUrl()} />}
      </Group>
      <PagedResults list={list} empty={t('reports.noIncomplete')}>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('installations.installation')}</Table.Th>
                <Table.Th scope="col">{t('installations.customer')}</Table.Th>
                <Table.Th scope="col">{t('fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('reports.missing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((i) => (
                <Table.Tr key={i.installationId}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/installations/${i.installationId}`} fw={500}>
                      {i.reference || i.token}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${i.customerId}`} size="sm">
                      {i.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{isKind(i.kind) ? t(`kinds.${i.kind}`) : t('common.none')}</Table.Td>
                  <Table.Td c="orange.9">{i.missing.map(fieldName).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </PagedResults>
    </Stack>
  );
}
