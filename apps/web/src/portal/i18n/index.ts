import i18next from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import { LANGUAGES, type Language } from '../../api/types';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

/**
 * The portal's own i18next instance with only the portal's strings, so that its bundle does not
 * carry the Service app's translations (and the two never share state).
 */
const i18n = i18next.createInstance();

export const DEFAULT_LANGUAGE: Language = 'nl';
const STORAGE_KEY = 'climalog.portal.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

type PluralSuffix = '_one' | '_other';
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}${PluralSuffix}`
      ? Base
      : K
    : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every key of the Dutch reference, plural forms under their base key. */
export type PortalKey = Leaves<typeof nl>;
export type PortalT = (key: PortalKey, options?: Record<string, string | number>) => string;

/** The language picked on this device earlier, if any (storage may be blocked). */
export function chosenLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return null;
}

async function switchTo(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** The visitor picked a language: use it now and on later visits. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
  await switchTo(language);
}

/** The customer's language from the session, unless the visitor chose one on this device. */
export async function adoptSessionLanguage(language: Language): Promise<void> {
  if (!chosenLanguage()) await switchTo(language);
}

/** Before the session is known: an earlier choice, else the browser's language, else Dutch. */
export async function initPortalI18n(): Promise<void> {
  const language = chosenLanguage() ?? browserLanguage() ?? DEFAULT_LANGUAGE;
  document.documentElement.lang = language;
  await i18n.init({
    resources: {
      nl: { translation: nl },
      fr: { translation: fr },
      en: { translation: en },
      de: { translation: de },
    },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
  });
}

const subscribe = (onChange: () => void) => {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
};
const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);

/** The interface language; components re-render when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage);
}

/** The portal's translate function for the current language, checked against the Dutch keys. */
export function usePortalT(): PortalT {
  const language = useLanguage();
  // The shared app types i18next with its own resources; the portal's keys are checked by PortalKey.
  return useMemo(() => i18n.getFixedT(language) as unknown as PortalT, [language]);
}
