import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../api/types';
import { applyLanguage, DEFAULT_LANGUAGE, isLanguage } from '../i18n';
import { IconLanguage } from './icons';

/** The interface language before sign-in; remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('common.interfaceLanguage')}
      data={LANGUAGES.map((l) => ({ value: l, label: t(`languageNames.${l}`) }))}
      value={isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE}
      onChange={(next) => isLanguage(next) && void applyLanguage(next)}
      allowDeselect={false}
      leftSection={<IconLanguage />}
      w={160}
      size="sm"
    />
  );
}
