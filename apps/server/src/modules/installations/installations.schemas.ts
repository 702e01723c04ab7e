import { normalizeRefrigerantName } from '@climalog/compliance';
import { z } from 'zod';
import { sortQuery } from '../../http/list-sort.js';
import { versionInput, versionView } from '../../http/row-version.js';
import { isoDate, line, listQuery, multiline } from '../../http/schema-helpers.js';
import { installationForecastView, leakLossView } from '../forecasts/forecast.schemas.js';
import { labelIdsInput, labelRef } from '../labels/labels.schemas.js';
import { INSTALLATION_SORTS } from './installations.repository.js';

export const INSTALLATION_KINDS = ['refrigeration', 'air_conditioning', 'heat_pump', 'heating'] as const;
export const HEATING_FUELS = ['gas', 'liquid', 'solid', 'other'] as const;
export const FORECAST_MODES = ['automatic', 'custom', 'none'] as const;

/** Accepts any usual spelling (R410A, r-410a) and stores the catalogue name; unknown names are refused. */
export const refrigerantInput = z
  .string()
  .max(30)
  .transform((value, ctx) => {
    const name = normalizeRefrigerantName(value);
    if (!name) {
      ctx.addIssue({
        code: 'custom',
        message: 'Unknown refrigerant. Use a name from GET /api/v1/refrigerants, e.g. R-410A.',
      });
      return z.NEVER;
    }
    return name;
  })
  .describe('Refrigerant, e.g. "R-410A" (see /refrigerants)');

const quantity = (max: number, what: string) =>
  z
    .number()
    .min(0, `${what} cannot be negative.`)
    .max(max, `${what} above ${max.toLocaleString('en')} is not plausible.`);

const installationFields = z
  .object({
    kind: z.enum(INSTALLATION_KINDS).nullable(),
    reference: line(100),
    brand: line(100),
    model: line(100),
    serialNumber: line(100),
    refrigerant: refrigerantInput.nullable(),
    chargeKg: quantity(10_000, 'A charge').nullable().describe('Nominal refrigerant charge in kg'),
    hermeticallySealed: z.boolean().nullable(),
    leakDetectionSystem: z.boolean().nullable(),
    coolingCapacityKw: quantity(100_000, 'A capacity').nullable(),
    comfortCooling: z
      .boolean()
      .nullable()
      .describe('Used for comfort (air-conditioning of people), not process cooling'),
    heatingFuel: z.enum(HEATING_FUELS).nullable(),
    heatingCapacityKw: quantity(100_000, 'A capacity').nullable(),
    commissionedOn: isoDate().nullable(),
    forecastStartOn: isoDate()
      .nullable()
      .describe('Start date for forecasts when the commissioning date is unknown'),
    forecastMode: z.enum(FORECAST_MODES),
    customIntervalMonths: z
      .number()
      .int()
      .min(1, 'Between 1 and 120 months.')
      .max(120, 'Between 1 and 120 months.')
      .nullable(),
    forecastModeReason: line(500),
    notes: multiline(10_000),
    externalReference: line(100).nullable().describe('Reference in another system (import key)'),
    labelIds: labelIdsInput,
  })
  .partial();

export const installationInput = z.strictObject({
  locationId: z.guid('Must be a valid id.').optional().describe('Required unless buildingId is given'),
  buildingId: z
    .guid('Must be a valid id.')
    .optional()
    .describe('Defaults to the location’s default building'),
  ...installationFields.shape,
});

export const installationPatch = z.strictObject({
  buildingId: z.guid('Must be a valid id.').optional().describe('Another building of the same location'),
  version: versionInput,
  ...installationFields.shape,
});

export const componentInput = z.strictObject({
  kind: line(50, 1).describe('e.g. compressor, indoor unit, condenser'),
  brand: line(100).default(''),
  model: line(100).default(''),
  serialNumber: line(100).default(''),
  notes: multiline(2000).default(''),
});

export const componentView = z.object({
  id: z.string(),
  kind: z.string(),
  brand: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  notes: z.string(),
});

export const installationView = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    locationId: z.string(),
    buildingId: z.string(),
    kind: z.enum(INSTALLATION_KINDS).nullable(),
    reference: z.string(),
    brand: z.string(),
    model: z.string(),
    serialNumber: z.string(),
    refrigerant: z.string().nullable(),
    chargeKg: z.number().nullable(),
    hermeticallySealed: z.boolean().nullable(),
    leakDetectionSystem: z.boolean().nullable(),
    coolingCapacityKw: z.number().nullable(),
    comfortCooling: z.boolean().nullable(),
    heatingFuel: z.enum(HEATING_FUELS).nullable(),
    heatingCapacityKw: z.number().nullable(),
    commissionedOn: z.string().nullable(),
    forecastStartOn: z.string().nullable(),
    forecastMode: z.enum(FORECAST_MODES),
    customIntervalMonths: z.number().int().nullable(),
    forecastModeReason: z.string(),
    notes: z.string(),
    externalReference: z.string().nullable(),
    token: z.string().describe('Unique, unguessable; identifies the installation on site and in the portal'),
    archived: z.boolean(),
    co2eTonnes: z.number().nullable().describe('GWP × charge / 1000, exact (round for display)'),
    forecast: installationForecastView.describe(
      'Legally required checks: null = not required, unknown = inputs missing',
    ),
    leakLoss: leakLossView.describe('Relative leak loss (refrigerant topped up against the nominal charge)'),
    missing: z
      .array(z.string())
      .describe('Essential fields still empty (the "incomplete installations" report)'),
    components: z.array(componentView),
    attachments: z.array(
      z.object({
        id: z.string(),
        filename: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
      }),
    ),
    labels: z.array(labelRef),
    version: versionView,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), archive: z.boolean() }),
  })
  .meta({ id: 'Installation' });

export const installationListQuery = z.strictObject({
  ...listQuery,
  customerId: z.guid().optional(),
  locationId: z.guid().optional(),
  buildingId: z.guid().optional(),
  labelId: z.guid().optional(),
  kind: z.enum(INSTALLATION_KINDS).optional(),
  refrigerant: refrigerantInput.optional(),
  archived: z
    .enum(['false', 'true', 'all'])
    .default('false')
    .describe('Archived installations leave every list unless asked for'),
  q: line(100)
    .optional()
    .describe('Search in reference, brand, model, serial number, token and customer number'),
  sort: sortQuery(INSTALLATION_SORTS),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export type InstallationInput = z.infer<typeof installationInput>;
export type InstallationPatch = z.infer<typeof installationPatch>;
export type InstallationView = z.infer<typeof installationView>;
export type ComponentInput = z.infer<typeof componentInput>;
