import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportJob } from '../../api/work-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldProblemText } from '../../i18n/error-text';
import { useImportFieldName } from './import-fields';
import { getImport, IMPORTS_KEY } from './imports-api';

const done = (job: ImportJob) => job.status === 'finished' || job.status === 'failed';

/** Step 3: the background job's progress, polled until it ends. */
export function ProgressStep({ job, onUpdate }: { job: ImportJob; onUpdate: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const poll = useQuery({
    queryKey: [...IMPORTS_KEY, job.id],
    queryFn: () => getImport(job.id),
    initialData: job,
    refetchInterval: (query) => (query.state.data && done(query.state.data) ? false : 400),
  });
  const current = poll.data;
  useEffect(() => {
    if (current.status !== job.status || current.progress.processed !== job.progress.processed)
      onUpdate(current);
  }, [current, job, onUpdate]);
  return (
    <Stack maw={640}>
      <Text size="sm">
        {done(current)
          ? t('imports.done')
          : t('imports.running', { processed: current.progress.processed, total: current.total })}
      </Text>
      <ImportProgressBar job={current} />
      <ErrorAlert error={poll.error} />
    </Stack>
  );
}

/** The job's progress as a bar with its percentage (a progressbar for assistive technology). */
export function ImportProgressBar({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = job.progress.percent;
  return (
    <Progress.Root size={24}>
      <Progress.Section
        value={percent}
        color={job.status === 'failed' ? 'red' : 'climalog'}
        animated={!done(job)}
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={t('imports.progress')}
      >
        <Progress.Label data-testid="import-percent">{percent} %</Progress.Label>
      </Progress.Section>
    </Progress.Root>
  );
}

/** Step 4: what happened: created, updated, failed, and the rows that failed. */
export function SummaryStep({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  const fieldName = useImportFieldName();
  const { created, updated, failed } = job.progress;
  const list = { customers: '/customers', locations: '/customers', installations: '/installations' }[
    job.kind
  ];
  return (
    <Stack maw={720}>
      <ImportProgressBar job={job} />
      {job.status === 'failed' && (
        <Alert color="red" variant="light" title={t('imports.failedTitle')}>
          {job.failure ?? t('errors.generic')}
        </Alert>
      )}
      <SimpleGrid cols={3} role="status" aria-live="polite">
        {[
          ['created', created],
          ['updated', updated],
          ['failed', failed],
        ].map(([key, count]) => (
          <Stack
            key={key}
            gap={0}
            align="center"
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Text size="xl" fw={700} c={key === 'failed' && Number(count) > 0 ? 'red.8' : undefined}>
              {count}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`imports.summary.${key as 'created' | 'updated' | 'failed'}`)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="sm" data-testid="import-summary">
        {t('imports.summaryText', { created, updated, failed })}
      </Text>
      {job.rowErrors.length > 0 && (
        <Alert color="orange" variant="light" title={t('imports.rowErrorsTitle', { count: failed })}>
          {job.rowErrors.slice(0, 30).map((e) => (
            <Text key={`${e.row}-${e.field}`} size="sm">
              {t('imports.rowError', {
                row: e.row,
                field: fieldName(e.field),
                message: fieldProblemText(t, e),
              })}
            </Text>
          ))}
        </Alert>
      )}
      <Group>
        <Button component={Link} to={list}>
          {t('imports.openList')}
        </Button>
        <Button variant="default" onClick={onAgain}>
          {t('imports.again')}
        </Button>
      </Group>
    </Stack>
  );
}
