import { z } from 'zod';
import { sortQuery } from '../../http/list-sort.js';
import { versionInput, versionView } from '../../http/row-version.js';
import { emailAddress, line, listQuery, multiline } from '../../http/schema-helpers.js';
import { labelIdsInput, labelRef } from '../labels/labels.schemas.js';
import { LOCATION_SORTS } from './locations.repository.js';
import { REGIONS } from './region.js';

export const contactInput = z.strictObject({
  name: line(200, 1),
  role: line(100).default(''),
  email: emailAddress().nullable().default(null),
  phone: line(40).nullable().default(null),
});

const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'A two-letter country code (ISO 3166), e.g. BE.')
  .transform((v) => v.toUpperCase());

const locationFields = z
  .object({
    name: line(200),
    street: line(200),
    number: line(20),
    box: line(20),
    postcode: line(20),
    city: line(100),
    country: country.describe('ISO country code; default BE'),
    region: z.enum(REGIONS).nullable().describe('Derived from the Belgian postcode when not given'),
    notes: multiline(5000),
    externalReference: line(100).nullable().describe('Reference in another system (import key)'),
    contacts: z.array(contactInput).max(20).describe('Contact persons; replaces the whole list'),
    labelIds: labelIdsInput,
  })
  .partial();

export const locationInput = z.strictObject({
  customerId: z
    .guid('Must be a valid id.')
    .describe('The customer; a location never moves to another customer'),
  ...locationFields.shape,
});

export const locationPatch = z.strictObject({
  customerId: z.guid('Must be a valid id.').optional().describe('Accepted only when unchanged'),
  version: versionInput,
  ...locationFields.shape,
});

export const contactView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const locationView = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    name: z.string(),
    street: z.string(),
    number: z.string(),
    box: z.string(),
    postcode: z.string(),
    city: z.string(),
    country: z.string(),
    region: z.enum(REGIONS).nullable(),
    regionDerived: z.boolean().describe('true when the region comes from the postcode'),
    notes: z.string(),
    externalReference: z.string().nullable(),
    defaultBuildingId: z.string().nullable(),
    contacts: z.array(contactView),
    labels: z.array(labelRef),
    version: versionView,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Location' });

export const locationListQuery = z.strictObject({
  ...listQuery,
  customerId: z.guid().optional(),
  labelId: z.guid().optional(),
  region: z.enum(REGIONS).optional(),
  q: line(100).optional().describe('Search in name, street and city'),
  sort: sortQuery(LOCATION_SORTS),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export type LocationInput = z.infer<typeof locationInput>;
export type LocationPatch = z.infer<typeof locationPatch>;
export type LocationView = z.infer<typeof locationView>;
export type ContactInput = z.infer<typeof contactInput>;
