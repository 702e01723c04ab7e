import {
  Alert,
  Badge,
  Button,
  Group,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/work-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldProblemText } from '../../i18n/error-text';
import { useImportFieldName } from './import-fields';
import { startImport, updateMapping } from './imports-api';

type Props = { job: ImportJob; onChange: (job: ImportJob) => void; onStarted: (job: ImportJob) => void };

const NONE = '-1';

/** Step 2: which column holds which field, the first rows as they will be read, and their problems. */
export function PreviewStep({ job, onChange, onStarted }: Props) {
  const { t } = useTranslation();
  const fieldName = useImportFieldName();
  const remap = useMutation({
    mutationFn: (mapping: Record<string, number>) => updateMapping(job.id, mapping),
    onSuccess: onChange,
  });
  const start = useMutation({ mutationFn: () => startImport(job.id), onSuccess: onStarted });
  const columns = [
    { value: NONE, label: t('imports.notImported') },
    ...job.headers.map((h, i) => ({ value: String(i), label: `${i + 1}. ${h || t('imports.unnamed')}` })),
  ];
  const mapped = job.fields.filter((f) => job.mapping[f] !== undefined);
  const setColumn = (field: string, column: string | null) => {
    const next = { ...job.mapping };
    if (column === null || column === NONE) delete next[field];
    else next[field] = Number(column);
    remap.mutate(next);
  };
  const show = (v: unknown) => (v === null || v === undefined ? '' : String(v));

  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Badge size="lg" variant="light">
          {t('imports.totalRows', { count: job.total })}
        </Badge>
        <Badge size="lg" color="green" variant="light">
          {t('imports.validRows', { count: job.validRows })}
        </Badge>
        <Badge size="lg" color={job.invalidRows ? 'red' : 'gray'} variant="light">
          {t('imports.invalidRows', { count: job.invalidRows })}
        </Badge>
      </Group>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('imports.mapping')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imports.mappingHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {job.fields.map((field) => (
            <Select
              key={field}
              label={fieldName(field)}
              data={columns}
              value={job.mapping[field] === undefined ? NONE : String(job.mapping[field])}
              onChange={(v) => setColumn(field, v)}
              allowDeselect={false}
              disabled={remap.isPending}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert error={remap.error} />
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('imports.sample')}
        </Title>
        <ScrollArea type="auto">
          <Table withTableBorder striped fz="sm" miw={Math.max(600, mapped.length * 140)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.row')}</Table.Th>
                {mapped.map((f) => (
                  <Table.Th key={f} scope="col">
                    {fieldName(f)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.sample.map((row) => {
                const problem = (f: string) => row.errors.find((e) => e.field === f);
                return (
                  <Table.Tr key={row.row} bg={row.errors.length ? 'var(--mantine-color-red-0)' : undefined}>
                    <Table.Th scope="row">{row.row}</Table.Th>
                    {mapped.map((f) => {
                      const p = problem(f);
                      return (
                        <Table.Td key={f} c={p ? 'red.8' : undefined}>
                          {show(row.values[f])}
                          {p && (
                            <Text size="xs" c="red.8">
                              {fieldProblemText(t, p)}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Stack>
      {job.rowErrors.length > 0 && (
        <Alert color="red" variant="light" title={t('imports.rowErrorsTitle', { count: job.invalidRows })}>
          <Stack gap={2}>
            {job.rowErrors.slice(0, 20).map((e) => (
              <Text key={`${e.row}-${e.field}`} size="sm">
                {t('imports.rowError', {
                  row: e.row,
                  field: fieldName(e.field),
                  message: fieldProblemText(t, e),
                })}
              </Text>
            ))}
            {job.rowErrors.length > 20 && (
              <Text size="sm" c="dimmed">
                {t('imports.moreErrors', { count: job.rowErrors.length - 20 })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <ErrorAlert error={start.error} />
      <Group>
        <Button
          onClick={() => start.mutate()}
          loading={start.isPending}
          disabled={job.validRows === 0 || remap.isPending}
        >
          {t('imports.start', { count: job.validRows })}
        </Button>
        {job.invalidRows > 0 && (
          <Text size="sm" c="dimmed">
            {t('imports.invalidSkipped')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
