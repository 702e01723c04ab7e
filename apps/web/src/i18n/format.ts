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

/** Number locales: Belgian comma decimals in nl, fr and de; English keeps the decimal point. */
const NUMBER_LOCALES = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' } as const;

/** Numbers in the interface language's convention (comma decimals in nl, fr and de). */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const locale = NUMBER_LOCALES[isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE];
  const number = (value: number | null | undefined, maxDigits = 2, minDigits = 0) =>
    value === null || value === undefined
      ? ''
      : new Intl.NumberFormat(locale, {
          minimumFractionDigits: minDigits,
          maximumFractionDigits: maxDigits,
        }).format(value);
  return {
    number,
    /** A quantity in kg, up to three decimals (scales weigh to the gram). */
    kg: (value: number | null | undefined) =>
      value === null || value === undefined ? '' : `${number(value, 3)} kg`,
    /** Tonnes CO2-equivalent, rounded to two decimals. */
    tonnes: (value: number | null | undefined) =>
      value === null || value === undefined ? '' : `${number(value, 2, 2)} t CO₂e`,
    decimalSeparator: i18n.language === 'en' ? '.' : ',',
  };
}

/** "2026-03" as the month's short name and year in the interface language. */
export function useMonthFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE];
  return (yearMonth: string) => {
    const [year, month] = yearMonth.split('-').map(Number);
    if (!year || !month) return yearMonth;
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, 1)),
    );
  };
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
