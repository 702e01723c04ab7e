import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../api/types';
import type { WorkOrder } from '../../api/work-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconDownload, IconMail } from '../../components/icons';
import { Section } from '../../components/Section';
import { CUSTOMERS_KEY, getCustomer } from '../customers/customers-api';
import { installationTitle } from '../installations/installation-text';
import { getInstallation, INSTALLATIONS_KEY } from '../installations/installations-api';
import { certificatePdf, isCertificateKind, workOrderPdf, type CertificateKind } from './documents-api';
import { DocumentLanguageSelect } from './DocumentLanguageSelect';
import { SendHistory } from './SendHistory';
import { SendWorkOrderModal } from './SendWorkOrderModal';
import { useDownload } from './useDownload';

type Certifiable = { kind: CertificateKind; installationId: string };

/** Every certificate the executed activities allow: one per kind and installation. */
function certifiable(workOrder: WorkOrder): Certifiable[] {
  const seen = new Set<string>();
  const list: Certifiable[] = [];
  for (const a of workOrder.activities) {
    const key = `${a.type}:${a.installationId}`;
    if (isCertificateKind(a.type) && !seen.has(key)) {
      seen.add(key);
      list.push({ kind: a.type, installationId: a.installationId });
    }
  }
  return list;
}

/** The work order's PDF and certificates, sending it by email, and what was sent before. */
export function WorkOrderDocuments({ workOrder: wo }: { workOrder: WorkOrder }) {
  const { t } = useTranslation();
  const customer = useQuery({
    queryKey: [...CUSTOMERS_KEY, wo.customerId],
    queryFn: () => getCustomer(wo.customerId),
  });
  const [chosen, setChosen] = useState<Language | null>(null);
  const [sending, setSending] = useState(false);
  const download = useDownload();
  const language = chosen ?? customer.data?.language ?? 'nl';
  const certificates = certifiable(wo);
  const installations = useQueries({
    queries: [...new Set(certificates.map((c) => c.installationId))].map((id) => ({
      queryKey: [...INSTALLATIONS_KEY, id],
      queryFn: () => getInstallation(id),
    })),
  });
  const nameOf = (id: string) => {
    const found = installations.find((q) => q.data?.id === id)?.data;
    return found ? installationTitle(t, found) : '…';
  };
  const severalInstallations = new Set(certificates.map((c) => c.installationId)).size > 1;
  const executed = wo.status === 'executed';

  return (
    <Section
      title={t('documents.title')}
      actions={
        <Button size="xs" leftSection={<IconMail />} onClick={() => setSending(true)}>
          {t('sends.send')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t('documents.savedVersion')}
      </Text>
      <Group align="flex-end" gap="sm">
        <DocumentLanguageSelect
          value={language}
          onChange={setChosen}
          customerLanguage={customer.data?.language ?? null}
        />
        <Button
          variant="default"
          leftSection={<IconDownload />}
          loading={download.pendingKey === 'document'}
          onClick={() => download.start('document', () => workOrderPdf(wo.id, language))}
        >
          {t('documents.workOrderPdf')}
        </Button>
      </Group>
      {certificates.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('documents.certificates')}
          </Text>
          {executed ? (
            <Group gap="xs">
              {certificates.map((c) => {
                const key = `${c.kind}:${c.installationId}`;
                const kind = t(`forecasts.types.${c.kind}`);
                return (
                  <Button
                    key={key}
                    size="sm"
                    variant="light"
                    leftSection={<IconDownload />}
                    loading={download.pendingKey === key}
                    onClick={() =>
                      download.start(key, () => certificatePdf(wo.id, c.kind, c.installationId, language))
                    }
                  >
                    {severalInstallations ? `${kind} · ${nameOf(c.installationId)}` : kind}
                  </Button>
                );
              })}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('documents.certificatesAfterExecution')}
            </Text>
          )}
        </Stack>
      )}
      <ErrorAlert error={download.error} />
      <SendHistory workOrderId={wo.id} />
      {sending && (
        <SendWorkOrderModal
          workOrder={wo}
          customer={customer.data ?? null}
          initialLanguage={language}
          onClose={() => setSending(false)}
        />
      )}
    </Section>
  );
}
