import { useMemo } from 'react';
import type { Language } from '../api/types';
import { useLanguage } from './i18n';

/** Belgian conventions: dd/mm/yyyy (dd.mm.yyyy in German), 24-hour time, comma decimals except in English. */
const DATE_LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-BE' };
const NUMBER_LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) as the day it names, whatever the browser's time zone. */
function calendarDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

export type Formatters = {
  /** "2026-09-10" → 10/09/2026 */
  date: (iso: string | null | undefined) => string;
  /** A moment → its local day, e.g. "donderdag 26 november 2026" */
  longDay: (iso: string) => string;
  /** A moment → its local time, e.g. 14:05 */
  time: (iso: string) => string;
  /** A moment → its local day as YYYY-MM-DD, to group by */
  dayKey: (iso: string) => string;
  number: (value: number, maxDigits?: number, minDigits?: number) => string;
  kg: (value: number) => string;
  kw: (value: number) => string;
  /** Tonnes CO₂-equivalent, always two decimals. */
  co2e: (value: number) => string;
  list: (items: string[]) => string;
};

export function makeFormatters(language: Language): Formatters {
  const dateLocale = DATE_LOCALES[language];
  const shortDate = new Intl.DateTimeFormat(dateLocale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const longDay = new Intl.DateTimeFormat(dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(dateLocale, { hour: '2-digit', minute: '2-digit' });
  const number = (value: number, maxDigits = 2, minDigits = 0) =>
    new Intl.NumberFormat(NUMBER_LOCALES[language], {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    }).format(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: (iso) => {
      if (!iso) return '';
      const day = calendarDate(iso);
      return day ? shortDate.format(day) : iso;
    },
    longDay: (iso) => longDay.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    dayKey: (iso) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
    number,
    kg: (value) => `${number(value, 3)} kg`,
    kw: (value) => `${number(value, 2)} kW`,
    co2e: (value) => `${number(value, 2, 2)} t CO₂e`,
    list: (items) => new Intl.ListFormat(dateLocale, { type: 'conjunction' }).format(items),
  };
}

/** Formatters in the interface language. */
export function useFormat(): Formatters {
  const language = useLanguage();
  return useMemo(() => makeFormatters(language), [language]);
}
