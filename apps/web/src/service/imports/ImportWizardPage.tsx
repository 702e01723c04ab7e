import { Paper, Stack, Stepper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/work-types';
import { PageHeader } from '../../components/PageHeader';
import { CUSTOMERS_KEY } from '../customers/customers-api';
import { INSTALLATIONS_KEY } from '../installations/installations-api';
import { LOCATIONS_KEY } from '../locations/locations-api';
import { ChooseFileStep } from './ChooseFileStep';
import { PreviewStep } from './PreviewStep';
import { ProgressStep, SummaryStep } from './ProgressStep';

const stepOf = (job: ImportJob | null) =>
  !job ? 0 : job.status === 'preview' ? 1 : job.status === 'finished' || job.status === 'failed' ? 3 : 2;

/** Import customers, locations or installations: file → preview and mapping → progress → summary. */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [job, setJob] = useState<ImportJob | null>(null);
  const step = stepOf(job);
  const update = useCallback(
    (next: ImportJob) => {
      setJob(next);
      if (next.status === 'finished') {
        for (const key of [CUSTOMERS_KEY, LOCATIONS_KEY, INSTALLATIONS_KEY]) {
          void queryClient.invalidateQueries({ queryKey: key });
        }
      }
    },
    [queryClient],
  );
  return (
    <Stack gap="lg">
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <Paper withBorder radius="md" p="md">
        <Stepper active={step} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={t('imports.steps.file')}>
            <ChooseFileStep onUploaded={setJob} />
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.preview')}>
            {job && <PreviewStep job={job} onChange={setJob} onStarted={setJob} />}
          </Stepper.Step>
          <Stepper.Step label={t('imports.steps.progress')}>
            {job && <ProgressStep job={job} onUpdate={update} />}
          </Stepper.Step>
          <Stepper.Completed>
            {job && <SummaryStep job={job} onAgain={() => setJob(null)} />}
          </Stepper.Completed>
        </Stepper>
      </Paper>
    </Stack>
  );
}
