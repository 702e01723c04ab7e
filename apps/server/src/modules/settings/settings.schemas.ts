import { z } from 'zod';
import { versionInput, versionView } from '../../http/row-version.js';
import { emailAddress, isoDate, language, line, multiline } from '../../http/schema-helpers.js';
import { enterpriseNumberInput, vatNumberInput } from '../customers/customers.schemas.js';

const id = z.guid('Must be a valid id.');

export const noteTemplate = z.strictObject({
  id: id.optional().describe('Omit for a new template'),
  language: language(),
  name: line(100, 1),
  body: multiline(5000),
});

/** Placeholders: {customerName}, {workOrderNumber}, {date}, {companyName}. */
export const emailTemplate = z.strictObject({
  id: id.optional(),
  language: language(),
  name: line(100, 1),
  subject: line(200, 1),
  body: multiline(10_000),
});

export const certificate = z.strictObject({
  kind: line(100, 1).describe('e.g. "F-gas company certificate", "Erkend koeltechnisch bedrijf"'),
  number: line(60, 1),
  validUntil: isoDate().nullable().default(null),
});

export const settingsFields = z.object({
  companyName: line(200),
  street: line(200),
  number: line(20),
  box: line(20),
  postcode: line(20),
  city: line(100),
  country: z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. BE.'),
  phone: line(40),
  email: emailAddress().nullable(),
  website: line(200),
  enterpriseNumber: enterpriseNumberInput.nullable(),
  vatNumber: vatNumberInput.nullable(),
  certificates: z.array(certificate).max(20),
  bccAddresses: z.array(emailAddress()).max(10).describe('Added as BCC to every work order sent by email'),
  noteTemplates: z.array(noteTemplate).max(200),
  emailTemplates: z.array(emailTemplate).max(100),
  documentOptions: z.strictObject({
    footer: multiline(1000).default(''),
    showTechnicianCertificate: z.boolean().default(true),
    showSignatures: z.boolean().default(true),
  }),
  defaults: z.strictObject({
    buildingForecastsEnabled: z.boolean().default(true).describe('Forecast switch of new buildings'),
  }),
});

export const settingsPatch = settingsFields
  .partial()
  .extend({
    version: versionInput,
    logo: z
      .string()
      .max(700_000, 'The logo is too large (at most about 500 kB).')
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'A PNG or JPEG image as a data URL.')
      .nullable()
      .optional(),
  })
  .strict();

// Responses are plain shapes: the input schemas above normalise (transform) values, which a
// response serializer cannot run backwards.
const lang = z.enum(['nl', 'fr', 'en', 'de']);
export const settingsView = z
  .object({
    companyName: z.string(),
    street: z.string(),
    number: z.string(),
    box: z.string(),
    postcode: z.string(),
    city: z.string(),
    country: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    website: z.string(),
    enterpriseNumber: z.string().nullable().describe('Formatted as 0417.497.106'),
    vatNumber: z.string().nullable(),
    certificates: z.array(
      z.object({ kind: z.string(), number: z.string(), validUntil: z.string().nullable() }),
    ),
    bccAddresses: z.array(z.string()),
    noteTemplates: z.array(z.object({ id: z.string(), language: lang, name: z.string(), body: z.string() })),
    emailTemplates: z.array(
      z.object({ id: z.string(), language: lang, name: z.string(), subject: z.string(), body: z.string() }),
    ),
    documentOptions: z.object({
      footer: z.string(),
      showTechnicianCertificate: z.boolean(),
      showSignatures: z.boolean(),
    }),
    defaults: z.object({ buildingForecastsEnabled: z.boolean() }),
    logo: z.string().nullable(),
    version: versionView,
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'Settings' });

export type SettingsPatch = z.infer<typeof settingsPatch>;
export type SettingsView = z.infer<typeof settingsView>;
