import { z } from 'zod';
import { line, multiline } from '../../http/schema-helpers.js';
import { refrigerantInput } from '../installations/installations.schemas.js';

export const ACTIVITY_TYPES = [
  'commissioning',
  'leak_check',
  'leak_repair',
  'refrigerant_added',
  'refrigerant_recovered',
  'maintenance',
  'repair',
  'measurements',
  'heating_maintenance',
  'heating_audit',
  'energy_inspection',
  'decommissioning',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

const base = {
  installationId: z.guid('Must be a valid id.').describe('One of the work order’s installations'),
  notes: multiline(2000).optional(),
};

// Stored to the gram: anything less would round to 0 kg, which the database refuses.
const kg = z
  .number()
  .min(0.001, 'The quantity must be at least 0.001 kg.')
  .max(10_000, 'More than 10,000 kg is not plausible.');
const reading = (min: number, max: number) => z.number().min(min).max(max).nullable().optional();

const combustion = z
  .strictObject({
    co2Percent: reading(0, 25),
    o2Percent: reading(0, 21),
    coPpm: reading(0, 10_000),
    flueGasTemperatureC: reading(-50, 1000),
    ambientTemperatureC: reading(-50, 100),
    efficiencyPercent: reading(0, 120),
    draughtPa: reading(-500, 500),
  })
  .describe('Combustion measurement');

/** One activity on one installation; the type decides which fields it carries. */
export const activityInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('commissioning'), ...base }),
  z.strictObject({
    type: z.literal('leak_check'),
    ...base,
    result: z.enum(['no_leak', 'leak_found']).optional().describe('Required once the work order is executed'),
    method: z
      .enum(['direct', 'indirect', 'leak_detection_system'])
      .optional()
      .describe('How the check was done'),
    leakLocation: line(200).optional(),
  }),
  z.strictObject({ type: z.literal('leak_repair'), ...base, description: multiline(2000).optional() }),
  z.strictObject({
    type: z.literal('refrigerant_added'),
    ...base,
    refrigerant: refrigerantInput,
    quantityKg: kg,
    cylinderId: z.guid('Must be a valid id.').optional().describe('Supply cylinder it was taken from'),
    recycled: z.boolean().optional().describe('Recycled or reclaimed refrigerant'),
  }),
  z.strictObject({
    type: z.literal('refrigerant_recovered'),
    ...base,
    refrigerant: refrigerantInput,
    quantityKg: kg,
    cylinderId: z.guid('Must be a valid id.').optional().describe('Recovery cylinder it went into'),
  }),
  z.strictObject({ type: z.literal('maintenance'), ...base, description: multiline(2000).optional() }),
  z.strictObject({ type: z.literal('repair'), ...base, description: multiline(2000).optional() }),
  z.strictObject({
    type: z.literal('measurements'),
    ...base,
    measurements: z
      .array(z.strictObject({ name: line(60, 1), value: z.number().min(-1e6).max(1e6), unit: line(20) }))
      .min(1)
      .max(50),
  }),
  z.strictObject({
    type: z.literal('heating_maintenance'),
    ...base,
    cleaned: z.boolean().optional(),
    combustion: combustion.optional(),
  }),
  z.strictObject({ type: z.literal('heating_audit'), ...base, description: multiline(2000).optional() }),
  z.strictObject({ type: z.literal('energy_inspection'), ...base, description: multiline(2000).optional() }),
  z.strictObject({ type: z.literal('decommissioning'), ...base, description: multiline(2000).optional() }),
]);

export type ActivityInput = z.infer<typeof activityInput>;

export const activityView = z
  .object({
    id: z.string(),
    installationId: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    result: z.enum(['no_leak', 'leak_found']).nullable(),
    refrigerant: z.string().nullable(),
    quantityKg: z.number().nullable(),
    cylinderId: z.string().nullable(),
    details: z
      .record(z.string(), z.unknown())
      .describe('The other fields of the activity (method, measurements, combustion, …)'),
  })
  .meta({ id: 'Activity' });

export type ActivityView = z.infer<typeof activityView>;
