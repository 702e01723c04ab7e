import { NativeSelect } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { LANGUAGES } from '../../api/types';
import { IconLanguage } from '../../components/icons';
import { chooseLanguage, isLanguage, useLanguage, usePortalT } from '../i18n';

const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
  const next = event.currentTarget.value;
  if (isLanguage(next)) void chooseLanguage(next);
};

/**
 * The interface language as the browser's own list, which phones show as a native picker.
 * `compact` (narrow headers): a globe and the language code, with the real select laid over it.
 */
export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const t = usePortalT();
  const language = useLanguage();
  const options = LANGUAGES.map((l) => ({ value: l, label: t(`app.languageNames.${l}`) }));
  if (compact) {
    return (
      <span className="portal-language-compact">
        <IconLanguage size={16} />
        <span aria-hidden="true">{language.toUpperCase()}</span>
        <select aria-label={t('app.language')} value={language} onChange={onChange}>
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    );
  }
  return (
    <NativeSelect
      aria-label={t('app.language')}
      value={language}
      onChange={onChange}
      data={options}
      leftSection={<IconLanguage size={16} />}
      size="sm"
      w={150}
    />
  );
}
