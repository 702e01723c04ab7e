import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../api/site-types';
import { IconPlus, IconTrash } from '../../components/icons';
import { text } from '../../components/useFields';

export type ContactDraft = { name: string; role: string; email: string; phone: string };

type Props = {
  value: ContactDraft[];
  onChange: (value: ContactDraft[]) => void;
  errorOf: (f: string) => string | undefined;
};

export const toDrafts = (contacts: Contact[]): ContactDraft[] =>
  contacts.map((c) => ({ name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '' }));

export const fromDrafts = (drafts: ContactDraft[]) =>
  drafts
    .filter((d) => d.name.trim())
    .map((d) => ({
      name: d.name,
      role: d.role,
      email: d.email.trim() || null,
      phone: d.phone.trim() || null,
    }));

/** The contact persons of a location: add, change, remove. */
export function ContactsEditor({ value, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const change = (index: number, field: keyof ContactDraft) => (next: string) =>
    onChange(value.map((c, i) => (i === index ? { ...c, [field]: next } : c)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('locations.contacts')}
      </Text>
      {value.map((contact, index) => (
        <Paper key={index} withBorder p="xs" radius="sm">
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('locations.contactName')}
                value={contact.name}
                onChange={text(change(index, 'name'))}
                error={errorOf(`contacts.${index}.name`)}
              />
              <TextInput
                label={t('locations.contactRole')}
                value={contact.role}
                onChange={text(change(index, 'role'))}
              />
              <TextInput
                label={t('locations.contactEmail')}
                type="email"
                value={contact.email}
                onChange={text(change(index, 'email'))}
                error={errorOf(`contacts.${index}.email`)}
              />
              <TextInput
                label={t('locations.contactPhone')}
                type="tel"
                value={contact.phone}
                onChange={text(change(index, 'phone'))}
              />
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('locations.removeContact', { name: contact.name || index + 1 })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <IconTrash />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus />}
          onClick={() => onChange([...value, { name: '', role: '', email: '', phone: '' }])}
        >
          {t('locations.addContact')}
        </Button>
      </Group>
    </Stack>
  );
}
