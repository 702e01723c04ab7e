import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** At most this many addresses per send (the API's limit). */
export const MAX_RECIPIENTS = 50;

const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()"]+$/;
export const isEmailAddress = (value: string) => value.length <= 254 && EMAIL.test(value);

/** The addresses that would be refused, to say which ones before sending. */
export const invalidAddresses = (addresses: string[]) => addresses.filter((a) => !isEmailAddress(a));

type Props = { value: string[]; onChange: (value: string[]) => void; error?: string | undefined };

/** Recipients as tags: typed, pasted (comma, semicolon or space between them) and removed one by one. */
export function RecipientsInput({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const change = (next: string[]) => {
    // A pasted list arrives as one tag: split it on the same characters as typing does.
    const cleaned = next
      .flatMap((tag) => tag.split(/[\s,;]+/))
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean);
    onChange([...new Set(cleaned)].slice(0, MAX_RECIPIENTS));
  };
  return (
    <TagsInput
      label={t('sends.recipients')}
      description={t('sends.recipientsHelp', { count: value.length, max: MAX_RECIPIENTS })}
      placeholder={value.length === 0 ? t('sends.recipientsPlaceholder') : undefined}
      value={value}
      onChange={change}
      splitChars={[',', ';', ' ']}
      maxTags={MAX_RECIPIENTS}
      acceptValueOnBlur
      clearable
      required
      error={error}
      data-autofocus
    />
  );
}
