import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Language } from '../../api/types';
import type { WorkOrder } from '../../api/work-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OutboxNotice } from '../../components/OutboxNotice';
import { fieldErrorsOf } from '../../i18n/error-text';
import { todayIso } from '../../i18n/format';
import { getSettings, SETTINGS_KEY } from '../settings/settings-api';
import { sendsKey, sendWorkOrder } from './documents-api';
import { DocumentLanguageSelect } from './DocumentLanguageSelect';
import { documentDate } from './fill-template';
import { invalidAddresses, RecipientsInput } from './RecipientsInput';
import { TemplatePreview } from './TemplatePreview';

const AUTO = 'auto';
const FIELDS = ['to', 'templateId'] as const;

type Props = {
  workOrder: WorkOrder;
  customer: Customer | null;
  initialLanguage: Language;
  onClose: () => void;
};

/** Mails the work order PDF: recipients, language, email template with a preview, BCC from the settings. */
export function SendWorkOrderModal({ workOrder: wo, customer, initialLanguage, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: getSettings });
  const [to, setTo] = useState<string[]>(customer?.email ? [customer.email.toLowerCase()] : []);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [templateId, setTemplateId] = useState<string>(AUTO);
  const [tried, setTried] = useState(false);
  const templates = (settings.data?.emailTemplates ?? []).filter((m) => m.language === language && m.id);
  const template = templateId === AUTO ? templates[0] : templates.find((m) => m.id === templateId);
  const bcc = settings.data?.bccAddresses ?? [];
  const send = useMutation({
    mutationFn: () =>
      sendWorkOrder(wo.id, { to, lang: language, ...(templateId === AUTO ? {} : { templateId }) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sendsKey(wo.id) });
      notifications.show({
        color: 'climalog',
        message: t('sends.queued', { number: wo.number, count: to.length }),
      });
      onClose();
    },
  });
  const invalid = invalidAddresses(to);
  const toError =
    invalid.length > 0
      ? t('sends.invalidAddresses', { addresses: invalid.join(', '), count: invalid.length })
      : tried && to.length === 0
        ? t('sends.noRecipients')
        : fieldErrorsOf(t, send.error, FIELDS).to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (to.length > 0 && invalid.length === 0) send.mutate();
  };
  const values = {
    customerName: wo.customerName,
    workOrderNumber: String(wo.number),
    date: documentDate(wo.executedOn ?? wo.plannedOn ?? todayIso(), language),
    companyName: settings.data?.companyName ?? '',
  };

  return (
    <Modal opened onClose={onClose} title={t('sends.title', { number: wo.number })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RecipientsInput value={to} onChange={setTo} error={toError} />
          <Group align="flex-end" grow wrap="wrap">
            <DocumentLanguageSelect
              label={t('sends.language')}
              description={t('sends.languageHelp')}
              value={language}
              onChange={(next) => {
                setLanguage(next);
                setTemplateId(AUTO);
              }}
              customerLanguage={customer?.language ?? null}
            />
            <Select
              label={t('sends.template')}
              description={t('sends.templateHelp')}
              data={[
                { value: AUTO, label: t('sends.templateAuto') },
                ...templates.map((m) => ({ value: m.id ?? '', label: m.name })),
              ]}
              value={templateId}
              onChange={(next) => setTemplateId(next ?? AUTO)}
              allowDeselect={false}
            />
          </Group>
          {template ? (
            <TemplatePreview subject={template.subject} body={template.body} values={values} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('sends.defaultText', { language: t(`languages.${language}`) })}
            </Text>
          )}
          <Alert color="gray" variant="light" role="note" p="xs">
            <Text size="sm">
              {bcc.length > 0
                ? t('sends.bccNote', { addresses: bcc.join(', '), count: bcc.length })
                : t('sends.noBcc')}
            </Text>
          </Alert>
          <OutboxNotice />
          <ErrorAlert error={settings.error} />
          <ErrorAlert error={send.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('sends.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
