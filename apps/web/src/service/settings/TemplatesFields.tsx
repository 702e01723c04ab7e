import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EmailTemplate, NoteTemplate } from '../../api/work-types';
import { IconPlus, IconTrash } from '../../components/icons';
import { LanguageSelect } from '../../components/LanguageSelect';
import { currentLanguage } from '../../i18n';
import { TemplatePreview } from '../documents/TemplatePreview';
import type { SetField, SettingsDraft } from './settings-form';
import { useSampleValues } from './template-samples';

type Props = { values: SettingsDraft; set: SetField; errors: Record<string, string> };

function replaceAt<T>(list: T[], index: number, next: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...next } : item));
}

/** Note templates for work orders, per language. */
export function NoteTemplatesFields({ values, set, errors }: Props) {
  const { t } = useTranslation();
  const list = values.noteTemplates;
  const change = (index: number, next: Partial<NoteTemplate>) =>
    set('noteTemplates')(replaceAt(list, index, next));
  return (
    <Stack gap="sm">
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.noNoteTemplates')}
        </Text>
      )}
      {list.map((n, index) => (
        <Paper key={n.id ?? `new-${index}`} withBorder p="sm" radius="sm">
          <Group align="flex-start" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1 }}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('settings.templateName')}
                  value={n.name}
                  onChange={(e) => change(index, { name: e.currentTarget.value })}
                  error={errors[`noteTemplates.${index}.name`]}
                />
                <LanguageSelect
                  label={t('settings.templateLanguage')}
                  value={n.language}
                  onChange={(language) => change(index, { language })}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Textarea
                  label={t('settings.templateBody')}
                  autosize
                  minRows={2}
                  value={n.body}
                  onChange={(e) => change(index, { body: e.currentTarget.value })}
                  error={errors[`noteTemplates.${index}.body`]}
                />
                <Stack gap={4}>
                  <TemplatePreview body={n.body} title={t('templatePreview.noteTitle')} />
                  {/\{\w+\}/.test(n.body) && (
                    <Text size="xs" c="dimmed">
                      {t('templatePreview.notePlaceholders')}
                    </Text>
                  )}
                </Stack>
              </SimpleGrid>
            </Stack>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('settings.removeTemplate', { name: n.name })}
              onClick={() => set('noteTemplates')(list.filter((_, i) => i !== index))}
            >
              <IconTrash />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus />}
          onClick={() => set('noteTemplates')([...list, { language: currentLanguage(), name: '', body: '' }])}
        >
          {t('settings.addNoteTemplate')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Email templates for sending work orders; placeholders are filled in when a mail goes out. */
export function EmailTemplatesFields({ values, set, errors }: Props) {
  const { t } = useTranslation();
  const list = values.emailTemplates;
  const samples = useSampleValues();
  const change = (index: number, next: Partial<EmailTemplate>) =>
    set('emailTemplates')(replaceAt(list, index, next));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('settings.placeholders')} <code>{'{customerName}'}</code>, <code>{'{workOrderNumber}'}</code>,{' '}
        <code>{'{date}'}</code>, <code>{'{companyName}'}</code>
      </Text>
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.noEmailTemplates')}
        </Text>
      )}
      {list.map((m, index) => (
        <Paper key={m.id ?? `new-${index}`} withBorder p="sm" radius="sm">
          <Group align="flex-start" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1 }}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('settings.templateName')}
                  value={m.name}
                  onChange={(e) => change(index, { name: e.currentTarget.value })}
                  error={errors[`emailTemplates.${index}.name`]}
                />
                <LanguageSelect
                  label={t('settings.templateLanguage')}
                  value={m.language}
                  onChange={(language) => change(index, { language })}
                />
                <TextInput
                  label={t('settings.templateSubject')}
                  value={m.subject}
                  onChange={(e) => change(index, { subject: e.currentTarget.value })}
                  error={errors[`emailTemplates.${index}.subject`]}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Textarea
                  label={t('settings.templateBody')}
                  autosize
                  minRows={3}
                  value={m.body}
                  onChange={(e) => change(index, { body: e.currentTarget.value })}
                  error={errors[`emailTemplates.${index}.body`]}
                />
                <TemplatePreview
                  subject={m.subject}
                  body={m.body}
                  values={samples(m.language, values.companyName)}
                />
              </SimpleGrid>
            </Stack>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('settings.removeTemplate', { name: m.name })}
              onClick={() => set('emailTemplates')(list.filter((_, i) => i !== index))}
            >
              <IconTrash />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus />}
          onClick={() =>
            set('emailTemplates')([...list, { language: currentLanguage(), name: '', subject: '', body: '' }])
          }
        >
          {t('settings.addEmailTemplate')}
        </Button>
      </Group>
    </Stack>
  );
}
