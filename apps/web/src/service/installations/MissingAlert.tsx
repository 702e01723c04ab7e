import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../components/icons';
import { useFieldName } from './field-names';

/** Essential data still empty: a warning, never a blocker (a technician completes it later). */
export function MissingAlert({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  if (missing.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlert />} title={t('installations.incompleteTitle')}>
      <Text size="sm">
        {t('installations.incompleteText', { fields: missing.map(fieldName).join(', ') })}
      </Text>
    </Alert>
  );
}
