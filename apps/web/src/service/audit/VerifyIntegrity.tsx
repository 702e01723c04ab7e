import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconShield } from '../../components/icons';
import { verifyAuditLog } from './audit-api';

/** Recomputes the hash chain on the server and says whether the log is intact. */
export function VerifyIntegrity() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditLog });
  const result = verify.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Button
        variant="default"
        leftSection={<IconShield />}
        onClick={() => verify.mutate()}
        loading={verify.isPending}
      >
        {t('audit.verify')}
      </Button>
      <div aria-live="polite" className={result ? undefined : 'visually-hidden'}>
        {result &&
          (result.intact ? (
            <Alert color="climalog" variant="light" icon={<IconShield />} role="presentation">
              {t('audit.intact', { count: result.checkedEvents })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" role="presentation">
              <Text size="sm" fw={600}>
                {t('audit.broken', { seq: result.brokenAtSeq ?? '?' })}
              </Text>
              {result.problem && (
                <Text size="sm">{t('audit.brokenProblem', { problem: result.problem })}</Text>
              )}
            </Alert>
          ))}
      </div>
      <ErrorAlert error={verify.error} />
    </Stack>
  );
}
