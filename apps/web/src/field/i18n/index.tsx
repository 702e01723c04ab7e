import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl, type FieldMessages } from './nl';

/**
 * The field app's own translations (nl by default, fr, en, de): a few kilobytes instead of the
 * Service app's i18next set-up, which keeps the first load small.
 */
export const FIELD_LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type FieldLanguage = (typeof FIELD_LANGUAGES)[number];

const RESOURCES: Record<FieldLanguage, FieldMessages> = { nl, fr, en, de };
/** Shared with the Service app on the same device. */
const STORAGE_KEY = 'climalog.language';

type Join<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? Join<P, K> : Leaves<T[K], Join<P, K>>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;
export type MessageKey = WithoutPlural<Leaves<FieldMessages>>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const isFieldLanguage = (value: unknown): value is FieldLanguage =>
  typeof value === 'string' && (FIELD_LANGUAGES as readonly string[]).includes(value);

export function storedLanguage(): FieldLanguage | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isFieldLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function lookup(messages: FieldMessages, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const LOCALES: Record<FieldLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB', de: 'de-BE' };

export function translator(language: FieldLanguage): Translate {
  const messages = RESOURCES[language];
  const plural = new Intl.PluralRules(LOCALES[language]);
  return (key, vars) => {
    let text = lookup(messages, key);
    if (typeof text !== 'string' && vars && typeof vars.count === 'number') {
      const parent = key.split('.');
      const last = parent.pop()!;
      const base = lookup(messages, parent.join('.')) as Record<string, unknown> | undefined;
      text = base?.[`${last}_${plural.select(vars.count)}`] ?? base?.[`${last}_other`];
    }
    if (typeof text !== 'string') return key;
    return vars ? text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? '')) : text;
  };
}

type I18n = {
  language: FieldLanguage;
  t: Translate;
  setLanguage: (language: FieldLanguage) => void;
  locale: string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial, children }: { initial: FieldLanguage; children: ReactNode }) {
  const [language, setLanguageState] = useState<FieldLanguage>(initial);
  const setLanguage = useCallback((next: FieldLanguage) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage blocked: the choice lasts until the page is closed.
    }
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo(
    () => ({ language, t: translator(language), setLanguage, locale: LOCALES[language] }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export const useT = () => useI18n().t;

/** Dates, times and quantities in the interface language (Belgian conventions). */
export function useFormat() {
  const { locale, language } = useI18n();
  return useMemo(() => {
    const dateOf = (iso: string) => (iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso));
    const number = (value: number, digits = 2) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
    return {
      date: (iso: string | null | undefined) =>
        iso
          ? new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
              dateOf(iso),
            )
          : '',
      longDate: (iso: string) =>
        new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(
          dateOf(iso),
        ),
      time: (iso: string) =>
        new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
      dateTime: (iso: string) =>
        new Intl.DateTimeFormat(locale, {
          day: '2-digit',
          month: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(iso)),
      number,
      kg: (value: number) => `${number(value, 3)} kg`,
      decimalSeparator: language === 'en' ? '.' : ',',
    };
  }, [locale, language]);
}

/** "1,5" or "1.5" typed on a phone keyboard as a number; empty → null. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (cleaned === '' || cleaned === '-') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
