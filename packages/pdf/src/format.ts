import type { Lang } from './types.js';

/** ": " — French puts a (no-break) space before the colon. */
export const colon = (lang: Lang): string => (lang === 'fr' ? '\u00a0: ' : ': ');

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE', de: 'de-BE' };

/** 25/11/2026 as Belgians write it (German: 25.11.2026). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));
}

/** Comma decimals in nl/fr/de: 5,22. */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals = 2): string {
  if (value === null || value === undefined) return '—';
  // English readers expect a decimal point, also in Belgium.
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : LOCALES[lang], {
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(value);
}
