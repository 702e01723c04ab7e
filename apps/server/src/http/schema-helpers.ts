import { z } from 'zod';
import { LANGUAGES } from '../context.js';

// NUL cannot be stored in PostgreSQL text; lone surrogates are not valid Unicode; other control
// characters have no place in user text and CR/LF in a one-line field could reach a mail header.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const cleanText = (value: string) => !CONTROL_CHARS.test(value) && !LONE_SURROGATE.test(value);

/** A one-line text field: trimmed, bounded, no control characters or line breaks. */
export function line(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min, min > 0 ? `Must not be empty.` : undefined)
    .max(max, `Must be at most ${max} characters.`)
    .refine(cleanText, 'Contains characters that are not allowed (control characters or invalid Unicode).')
    .refine((v) => !LINE_BREAKS.test(v), 'Must be a single line.');
}

/** Multi-line text (notes): bounded, no control characters except line breaks and tabs. */
export function multiline(max: number) {
  return z
    .string()
    .max(max, `Must be at most ${max} characters.`)
    .refine(cleanText, 'Contains characters that are not allowed (control characters or invalid Unicode).');
}

export const emailAddress = () =>
  z
    .string()
    .trim()
    .max(254, 'Must be at most 254 characters.')
    .pipe(z.email({ message: 'Must be a valid email address.' }))
    .transform((v) => v.toLowerCase());

/** A password exactly as typed: never trimmed or case-folded; the policy checks the length. */
export const passwordInput = () =>
  z
    .string()
    .max(1000, 'Must be at most 1000 characters.')
    .refine((v) => !v.includes('\u0000'), 'Contains characters that are not allowed.');

export const language = () => z.enum(LANGUAGES).describe('Language: nl, fr, en or de');

export const idParam = z.strictObject({ id: z.guid('Must be a valid id.').describe('Resource id (UUID)') });

export const listQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, at most 200'),
  cursor: z.string().max(4000).optional().describe('Opaque cursor from the previous page'),
};

export const isoTimestamp = z.iso.datetime({ offset: true });

/** A calendar date YYYY-MM-DD between 1900 and 2200 (a real date: no 31 February). */
export const isoDate = () =>
  z.iso
    .date({ message: 'A date as YYYY-MM-DD.' })
    .refine((v) => v >= '1900-01-01' && v <= '2200-12-31', 'The date is out of range.');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string(),
    reason: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  })
  .describe('RFC 9457 problem details');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
