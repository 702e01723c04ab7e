import { z } from 'zod';
import { versionInput, versionView } from '../../http/row-version.js';
import { isoDate, line } from '../../http/schema-helpers.js';
import { forecastView } from '../forecasts/forecast.schemas.js';

export const buildingInput = z.strictObject({
  locationId: z.guid('Must be a valid id.'),
  name: line(200, 1),
  forecastEnabled: z
    .boolean()
    .optional()
    .describe('Whether forecasts are made for this building (default from settings)'),
  lastEnergyInspectionOn: isoDate()
    .nullable()
    .default(null)
    .describe('Last air-conditioning energy inspection'),
});

export const buildingPatch = z.strictObject({
  name: line(200, 1).optional(),
  forecastEnabled: z.boolean().optional(),
  lastEnergyInspectionOn: isoDate().nullable().optional(),
  version: versionInput,
});

export const buildingView = z
  .object({
    id: z.string(),
    locationId: z.string(),
    customerId: z.string(),
    name: z.string(),
    isDefault: z.boolean(),
    forecastEnabled: z.boolean(),
    lastEnergyInspectionOn: z.string().nullable(),
    installationCount: z.number().int(),
    comfortCoolingKw: z
      .number()
      .nullable()
      .describe('Cooling capacity of the comfort installations, added up'),
    energyInspection: forecastView.describe('Air-conditioning energy inspection of the building'),
    version: versionView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Building' });

export const buildingListQuery = z.strictObject({
  locationId: z.guid().optional(),
  customerId: z.guid().optional(),
});

export type BuildingInput = z.infer<typeof buildingInput>;
export type BuildingPatch = z.infer<typeof buildingPatch>;
export type BuildingView = z.infer<typeof buildingView>;
