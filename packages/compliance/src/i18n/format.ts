import type { Range } from '../rules/types.js';
import type { Language } from '../engine/types.js';
import type { IsoDate } from '../dates.js';

// Belgian conventions: comma decimals in nl/fr/de (nl-BE "1.234,5", fr-BE "1 234,5"); English keeps the
// dot (en-BE would give a comma, which readers of the English text do not expect).
const LOCALE: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Language, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  const cached = formatters.get(key);
  if (cached) return cached;
  const created = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits });
  formatters.set(key, created);
  return created;
}

/**
 * Up to 2 decimals, rounded; when rounding would lift a value over a whole number (4.9999 t shown as
 * "5" next to "under 5 t"), it is cut at 4 decimals instead.
 */
export function formatNumber(value: number, lang: Language): string {
  // Floating-point noise around a whole number (4.999999999999999) is that number.
  if (Math.abs(value - Math.round(value)) < 1e-9) return formatter(lang, 0).format(Math.round(value));
  const rounded = Math.round(value * 100) / 100;
  if (Math.floor(rounded) !== Math.floor(value)) {
    return formatter(lang, 4).format(Math.trunc(value * 10000) / 10000);
  }
  return formatter(lang, 2).format(value);
}

type RangeWords = {
  from: (a: string) => string;
  over: (a: string) => string;
  under: (b: string) => string;
  upTo: (b: string) => string;
  fromUnder: (a: string, b: string) => string;
  overUpTo: (a: string, b: string) => string;
  between: (a: string, b: string) => string;
};

const RANGE: Record<Language, RangeWords> = {
  en: {
    from: (a) => `at least ${a}`,
    over: (a) => `over ${a}`,
    under: (b) => `under ${b}`,
    upTo: (b) => `up to ${b}`,
    fromUnder: (a, b) => `at least ${a} and under ${b}`,
    overUpTo: (a, b) => `over ${a} and up to ${b}`,
    between: (a, b) => `${a} to ${b}`,
  },
  nl: {
    from: (a) => `minstens ${a}`,
    over: (a) => `meer dan ${a}`,
    under: (b) => `minder dan ${b}`,
    upTo: (b) => `hoogstens ${b}`,
    fromUnder: (a, b) => `minstens ${a} en minder dan ${b}`,
    overUpTo: (a, b) => `meer dan ${a} en hoogstens ${b}`,
    between: (a, b) => `${a} tot ${b}`,
  },
  fr: {
    from: (a) => `au moins ${a}`,
    over: (a) => `plus de ${a}`,
    under: (b) => `moins de ${b}`,
    upTo: (b) => `au plus ${b}`,
    fromUnder: (a, b) => `au moins ${a} et moins de ${b}`,
    overUpTo: (a, b) => `plus de ${a} et au plus ${b}`,
    between: (a, b) => `de ${a} à ${b}`,
  },
  de: {
    from: (a) => `mindestens ${a}`,
    over: (a) => `über ${a}`,
    under: (b) => `unter ${b}`,
    upTo: (b) => `höchstens ${b}`,
    fromUnder: (a, b) => `mindestens ${a} und unter ${b}`,
    overUpTo: (a, b) => `über ${a} und höchstens ${b}`,
    between: (a, b) => `${a} bis ${b}`,
  },
};

/** "at least 5 and under 50 t CO2e" for { gte: 5, lt: 50 }. */
export function describeRange(range: Range, unit: string, lang: Language): string {
  const w = RANGE[lang];
  const n = (v: number) => formatNumber(v, lang);
  const low = range.gte ?? range.gt;
  const high = range.lt ?? range.lte;
  let text: string;
  if (low !== undefined && high !== undefined) {
    if (range.gte !== undefined && range.lt !== undefined) text = w.fromUnder(n(low), n(high));
    else if (range.gt !== undefined && range.lte !== undefined) text = w.overUpTo(n(low), n(high));
    else text = w.between(n(low), n(high));
  } else if (low !== undefined) {
    text = range.gte !== undefined ? w.from(n(low)) : w.over(n(low));
  } else if (high !== undefined) {
    text = range.lt !== undefined ? w.under(n(high)) : w.upTo(n(high));
  } else {
    text = '';
  }
  return `${text} ${unit}`.trim();
}

/**
 * A calendar date the way Belgian readers write it: 10/09/2025, in German 10.09.2025. Built by hand rather
 * than with Intl so the sentence is the same on every ICU build.
 */
export function formatDate(date: IsoDate, lang: Language): string {
  const [year, month, day] = date.split('-');
  return lang === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}
