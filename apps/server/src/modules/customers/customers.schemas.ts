import { z } from 'zod';
import { emailAddress, language, line, listQuery, multiline } from '../../http/schema-helpers.js';
import { sortQuery } from '../../http/list-sort.js';
import { versionInput, versionView } from '../../http/row-version.js';
import { parseEnterpriseNumber } from '../../security/enterprise-number.js';
import { labelIdsInput, labelRef } from '../labels/labels.schemas.js';
import { CUSTOMER_SORTS } from './customers.repository.js';

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

/** VAT numbers are stored compact ("BE0417497106"); a Belgian one must carry a valid enterprise number. */
export const vatNumberInput = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const compact = value.toUpperCase().replace(/[\s.\-/]/g, '');
    if (!/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(compact)) {
      ctx.addIssue({
        code: 'custom',
        message: 'A VAT number starts with the country code, e.g. BE0417497106.',
      });
      return z.NEVER;
    }
    if (compact.startsWith('BE') && !parseEnterpriseNumber(compact.slice(2)).ok) {
      ctx.addIssue({
        code: 'custom',
        message: 'This Belgian VAT number does not hold a valid enterprise number.',
      });
      return z.NEVER;
    }
    return compact.startsWith('BE') && compact.length === 11 ? `BE0${compact.slice(2)}` : compact;
  })
  .describe('VAT number with country code, e.g. "BE0417497106"');

const phone = line(40).describe('Phone number as people write it, e.g. +32 9 123 45 67');

const customerFields = z
  .object({
    internalName: line(200).describe('Internal name (alias)'),
    customerNumber: line(50).nullable().describe('Number from the ERP; not necessarily unique'),
    enterpriseNumber: enterpriseNumberInput.nullable(),
    vatNumber: vatNumberInput.nullable(),
    email: emailAddress().nullable(),
    phone: phone.nullable(),
    mobile: phone.nullable(),
    website: line(200).nullable(),
    notes: multiline(5000),
    labelIds: labelIdsInput,
  })
  .partial();

export const customerInput = z.strictObject({
  name: line(200, 1).describe('Customer name'),
  language: language().default('nl').describe('Language of documents for this customer'),
  ...customerFields.shape,
});

export const customerPatch = z.strictObject({
  name: line(200, 1).optional(),
  language: language().optional(),
  version: versionInput,
  ...customerFields.shape,
});

export const customerView = z
  .object({
    id: z.string(),
    name: z.string(),
    internalName: z.string(),
    customerNumber: z.string().nullable(),
    language: z.enum(['nl', 'fr', 'en', 'de']),
    enterpriseNumber: z.string().nullable().describe('Formatted as 0417.497.106'),
    vatNumber: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    website: z.string().nullable(),
    notes: z.string(),
    labels: z.array(labelRef),
    version: versionView,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Customer' });

export const customerListQuery = z.strictObject({
  ...listQuery,
  q: line(100).optional().describe('Search in name, internal name and customer number'),
  labelId: z.guid().optional().describe('Only customers with this label'),
  sort: sortQuery(CUSTOMER_SORTS),
  format: z
    .enum(['json', 'xlsx'])
    .default('json')
    .describe('xlsx returns the filtered list as a spreadsheet'),
});

export const mergeBody = z.strictObject({
  duplicateId: z
    .guid('Must be a valid id.')
    .describe('The duplicate customer; it is removed after its data moves over'),
});

export type CustomerInput = z.infer<typeof customerInput>;
export type CustomerPatch = z.infer<typeof customerPatch>;
export type CustomerView = z.infer<typeof customerView>;
