import { Button, FileInput, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportJob, type ImportKind } from '../../api/work-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconImport } from '../../components/icons';
import { fieldErrorsOf } from '../../i18n/error-text';
import { uploadImport } from './imports-api';

/** Step 1: what to import, and the .xlsx or .csv file. */
export function ChooseFileStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: () => uploadImport(kind, file as File), onSuccess: onUploaded });
  const errors = fieldErrorsOf(t, upload.error, ['file']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="import-kind">
            {t('imports.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-kind"
            value={kind}
            onChange={(v) => setKind(v as ImportKind)}
            data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
          />
          <Text size="xs" c="dimmed">
            {t(`imports.kindHelp.${kind}`)}
          </Text>
        </Stack>
        <FileInput
          label={t('imports.file')}
          description={t('imports.fileHelp')}
          placeholder={t('imports.choose')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          error={errors.file}
          leftSection={<IconImport />}
          clearable
        />
        <ErrorAlert error={upload.error} fields={['file']} />
        <Group>
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            {t('imports.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
