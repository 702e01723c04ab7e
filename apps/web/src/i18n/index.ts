import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../api/types';
import { de } from './locales/de';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';

export const DEFAULT_LANGUAGE: Language = 'nl';
const STORAGE_KEY = 'climalog.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language chosen earlier on this device, if any (storage may be blocked with cookies). */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts until the page is closed.
  }
}

/** Switches the interface language, remembers it on this device and sets <html lang>. */
export async function applyLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export const currentLanguage = (): Language =>
  isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;

/** Starts i18next with the four complete resources; Dutch unless this device chose otherwise. */
export async function initI18n(): Promise<void> {
  const language = storedLanguage() ?? DEFAULT_LANGUAGE;
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
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
    returnNull: false,
  });
}
