import { z } from 'zod';
import { versionInput, versionView } from '../../http/row-version.js';
import { line, multiline } from '../../http/schema-helpers.js';
import { refrigerantInput } from '../installations/installations.schemas.js';

export const productInput = z.strictObject({
  name: line(200, 1),
  sku: line(60).nullable().default(null),
  unit: line(20, 1).default('piece').describe('piece, m, l, kg, …'),
  notes: multiline(2000).default(''),
});
export const productPatch = z.strictObject({
  name: line(200, 1).optional(),
  sku: line(60).nullable().optional(),
  unit: line(20, 1).optional(),
  notes: multiline(2000).optional(),
  archived: z.boolean().optional(),
  version: versionInput,
});
export const productView = z
  .object({
    id: z.string(),
    name: z.string(),
    sku: z.string().nullable(),
    unit: z.string(),
    notes: z.string(),
    archived: z.boolean(),
    version: versionView,
  })
  .meta({ id: 'Product' });

const kg = (what: string) =>
  z.number().min(0, `${what} cannot be negative.`).max(2000, `${what} above 2,000 kg is not plausible.`);

export const cylinderInput = z.strictObject({
  kind: z
    .enum(['supply', 'recovery'])
    .describe('supply: refrigerant to charge; recovery: refrigerant taken out'),
  refrigerant: refrigerantInput.nullable().describe('null only for a recovery cylinder of mixed refrigerant'),
  serialNumber: line(100).default(''),
  // Stored to the gram: a smaller capacity would round to 0 kg.
  capacityKg: kg('A capacity').min(0.001, 'A capacity must be at least 0.001 kg.'),
  contentKg: kg('A content'),
  notes: multiline(2000).default(''),
});
export const cylinderPatch = z.strictObject({
  serialNumber: line(100).optional(),
  notes: multiline(2000).optional(),
  contentKg: kg('A content').optional().describe('A correction after weighing (recorded as an adjustment)'),
  archived: z.boolean().optional(),
  version: versionInput,
});
export const cylinderView = z
  .object({
    id: z.string(),
    kind: z.enum(['supply', 'recovery']),
    refrigerant: z.string().nullable(),
    serialNumber: z.string(),
    capacityKg: z.number(),
    contentKg: z.number(),
    notes: z.string(),
    archived: z.boolean(),
    version: versionView.describe('Row version: every change adds one, withdrawals and recoveries too'),
  })
  .meta({ id: 'Cylinder' });

export type ProductInput = z.infer<typeof productInput>;
export type ProductPatch = z.infer<typeof productPatch>;
export type CylinderInput = z.infer<typeof cylinderInput>;
export type CylinderPatch = z.infer<typeof cylinderPatch>;
