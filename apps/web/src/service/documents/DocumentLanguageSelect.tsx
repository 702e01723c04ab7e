import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../api/types';
import { isLanguage } from '../../i18n';

type Props = {
  value: Language;
  onChange: (language: Language) => void;
  /** Marked in the list: the language documents are in unless another is chosen. */
  customerLanguage: Language | null;
  label?: string;
  description?: string;
};

/** The language of a PDF or mail, the customer's own marked as such. */
export function DocumentLanguageSelect({ value, onChange, customerLanguage, label, description }: Props) {
  const { t } = useTranslation();
  const data = LANGUAGES.map((l) => ({
    value: l,
    label:
      l === customerLanguage
        ? t('documents.customerLanguage', { language: t(`languages.${l}`) })
        : t(`languages.${l}`),
  }));
  return (
    <Select
      label={label ?? t('documents.language')}
      description={description}
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(next) => isLanguage(next) && onChange(next)}
      w={260}
    />
  );
}
