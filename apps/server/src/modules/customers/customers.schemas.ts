import { z } from 'zod';
import { parseEnterpriseNumber } from '../../security/enterprise-number.js';
import { language, line, listQuery } from '../../http/schema-helpers.js';

/** Accepts the usual spellings (0417.497.106, BE0417497106, 417497106); checks the mod-97 digits. */
export const enterpriseNumberInput = z
  .string()
  .max(20, 'Must be at most 20 characters.')
  .transform((value, ctx) => {
    const parsed = parseEnterpriseNumber(value);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message:
          parsed.reason === 'checksum'
            ? 'This enterprise number does not exist: its check digits do not match.'
            : 'An enterprise number has 10 digits and starts with 0 or 1, e.g. 0417.497.106.',
      });
      return z.NEVER;
    }
    return parsed.digits;
  })
  .describe('Belgian enterprise number (KBO/BCE), e.g. "0417.497.106"; returned formatted');

export const customerInput = z.strictObject({
  name: line(200, 1).describe('Customer name'),
  language: language().default('nl').describe('Language of documents for this customer'),
  enterpriseNumber: enterpriseNumberInput.nullable().optional(),
});

export const customerPatch = z.strictObject({
  name: line(200, 1).optional(),
  language: language().optional(),
  enterpriseNumber: enterpriseNumberInput.nullable().optional(),
});

export const customerView = z
  .object({
    id: z.string(),
    name: z.string(),
    language: z.enum(['nl', 'fr', 'en', 'de']),
    enterpriseNumber: z.string().nullable().describe('Formatted as 0417.497.106'),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Customer' });

export const customerListQuery = z.strictObject({
  ...listQuery,
  q: line(100).optional().describe('Search in the name'),
  format: z
    .enum(['json', 'xlsx'])
    .default('json')
    .describe('xlsx returns the filtered list as a spreadsheet'),
});

export type CustomerInput = z.infer<typeof customerInput>;
export type CustomerPatch = z.infer<typeof customerPatch>;
export type CustomerView = z.infer<typeof customerView>;
