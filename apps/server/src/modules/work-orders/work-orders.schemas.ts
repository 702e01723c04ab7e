import { z } from 'zod';
import { sortQuery } from '../../http/list-sort.js';
import { versionInput, versionView } from '../../http/row-version.js';
import { isoDate, line, listQuery, multiline } from '../../http/schema-helpers.js';
import { labelIdsInput, labelRef } from '../labels/labels.schemas.js';
import { activityInput, activityView } from './activities.schemas.js';
import { WORK_ORDER_SORTS } from './work-orders.repository.js';

export const WORK_ORDER_STATUSES = ['to_be_executed', 'executed', 'cancelled'] as const;

const signatureInput = z.strictObject({
  role: z.enum(['customer', 'technician']),
  signerName: line(200).default(''),
  image: z
    .string()
    .max(400_000, 'The signature image is too large.')
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'A PNG image as a data URL.')
    .describe('PNG data URL of the drawn signature'),
});

const productLine = z.strictObject({
  productId: z.guid('Must be a valid id.'),
  // Stored to three decimals: anything less would round to 0.
  quantity: z.number().min(0.001, 'The quantity must be at least 0.001.').max(100_000),
});

const workOrderFields = z
  .object({
    status: z.enum(WORK_ORDER_STATUSES),
    plannedOn: isoDate().nullable(),
    executedOn: isoDate().nullable().describe('Required when executed; not in the future'),
    executorId: z.guid('Must be a valid id.').nullable().describe('A user with the technician role'),
    notes: multiline(20_000),
    activities: z.array(activityInput).max(200).describe('Replaces the whole list when given'),
    labelIds: labelIdsInput,
    products: z.array(productLine).max(100).describe('Products used (replaces the list)'),
    signatures: z.array(signatureInput).max(2).describe('Customer and technician signatures (replaces them)'),
  })
  .partial();

export const workOrderInput = z.strictObject({
  installationIds: z
    .array(z.guid('Must be a valid id.'))
    .min(1, 'A work order is for at least one installation.')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'Each installation once.'),
  ...workOrderFields.shape,
});

export const workOrderPatch = z.strictObject({
  installationIds: workOrderInput.shape.installationIds.optional(),
  version: versionInput,
  ...workOrderFields.shape,
});

export const workOrderView = z
  .object({
    id: z.string(),
    number: z.number().int(),
    customerId: z.string(),
    customerName: z.string(),
    status: z.enum(WORK_ORDER_STATUSES),
    plannedOn: z.string().nullable(),
    executedOn: z.string().nullable(),
    executorId: z.string().nullable(),
    executorName: z.string().nullable(),
    notes: z.string(),
    installationIds: z.array(z.string()),
    activities: z.array(activityView),
    labels: z.array(labelRef),
    products: z.array(
      z.object({ productId: z.string(), name: z.string(), unit: z.string(), quantity: z.number() }),
    ),
    signatures: z.array(
      z.object({
        role: z.enum(['customer', 'technician']),
        signerName: z.string(),
        image: z.string(),
        signedAt: z.string(),
      }),
    ),
    version: versionView,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'WorkOrder' });

export const workOrderListQuery = z.strictObject({
  ...listQuery,
  installationId: z.guid().optional(),
  customerId: z.guid().optional(),
  locationId: z.guid().optional(),
  executorId: z.guid().optional(),
  labelId: z.guid().optional(),
  status: z.enum(WORK_ORDER_STATUSES).optional(),
  mine: z.enum(['true', 'false']).default('false').describe('Only work orders I execute'),
  from: isoDate().optional().describe('Date (executed, else planned) from'),
  to: isoDate().optional().describe('Date (executed, else planned) until, inclusive'),
  sort: sortQuery(WORK_ORDER_SORTS),
  format: z.enum(['json', 'xlsx']).default('json'),
});

export type WorkOrderInput = z.infer<typeof workOrderInput>;
export type WorkOrderPatch = z.infer<typeof workOrderPatch>;
export type WorkOrderView = z.infer<typeof workOrderView>;
