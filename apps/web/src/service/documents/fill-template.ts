import type { Language } from '../../api/types';

/** The placeholders an email template may use; the server fills them when the mail goes out. */
export const PLACEHOLDERS = ['customerName', 'workOrderNumber', 'date', 'companyName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const PATTERN = /\{(\w+)\}/g;
const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);

/** As the server does: known {placeholders} replaced, unknown ones left visible. */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(PATTERN, (match, name: string) => (isPlaceholder(name) ? values[name] : match));
}

/** The {placeholders} of a text that the server does not know (left as they are in the mail). */
export function unknownPlaceholders(...texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(PATTERN)) {
      if (match[1] && !isPlaceholder(match[1])) found.add(match[0]);
    }
  }
  return [...found];
}

const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE', de: 'de-BE' };

/** A date the way the documents print it: dd/mm/yyyy in the document's language, Belgian time. */
export function documentDate(iso: string, language: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(date);
}
