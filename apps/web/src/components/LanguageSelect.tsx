import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../api/types';
import { isLanguage } from '../i18n';

type Props = {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
  description?: string;
  error?: string | undefined;
  /** Names in their own language (for choosing the interface language) instead of translated. */
  endonyms?: boolean;
};

/** A choice among the four languages Climalog speaks. */
export function LanguageSelect({ label, value, onChange, description, error, endonyms }: Props) {
  const { t } = useTranslation();
  const data = LANGUAGES.map((l) => ({
    value: l,
    label: endonyms ? t(`languageNames.${l}`) : t(`languages.${l}`),
  }));
  return (
    <Select
      label={label}
      description={description}
      error={error}
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(next) => isLanguage(next) && onChange(next)}
    />
  );
}
