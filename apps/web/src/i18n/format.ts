import { useTranslation } from 'react-i18next';
import { isLanguage, DEFAULT_LANGUAGE } from './index';

/** Belgian locales: dd/mm/yyyy and 24-hour time, in the interface language. */
const LOCALES = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-BE' } as const;

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

function format(language: string, iso: string | null | undefined, options: Intl.DateTimeFormatOptions) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[isLanguage(language) ? language : DEFAULT_LANGUAGE], options).format(
    date,
  );
}

/** Date formatters that follow the interface language. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    date: (iso: string | null | undefined) => format(language, iso, DATE),
    dateTime: (iso: string | null | undefined) => format(language, iso, DATE_TIME),
  };
}
