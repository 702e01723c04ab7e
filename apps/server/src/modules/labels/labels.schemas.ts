import { z } from 'zod';
import { ROLES } from '../../context.js';
import { versionInput, versionView } from '../../http/row-version.js';
import { line, multiline } from '../../http/schema-helpers.js';

export const LABEL_SCOPES = ['customer', 'location', 'installation', 'work_order'] as const;
export type LabelScope = (typeof LABEL_SCOPES)[number];

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #0b7285.')
  .transform((v) => v.toLowerCase());

export const labelInput = z.strictObject({
  scope: z.enum(LABEL_SCOPES).describe('What the label is for'),
  name: line(60, 1),
  colour: colour.default('#0b7285'),
  description: multiline(500).default(''),
  settableBy: z.array(z.enum(ROLES)).max(4).default([]).describe('Roles that may set it; empty = everybody'),
  printOnWorkOrder: z.boolean().default(false),
});

export const labelPatch = z.strictObject({
  name: line(60, 1).optional(),
  colour: colour.optional(),
  description: multiline(500).optional(),
  settableBy: z.array(z.enum(ROLES)).max(4).optional(),
  printOnWorkOrder: z.boolean().optional(),
  version: versionInput,
});

export const labelView = z
  .object({
    id: z.string(),
    scope: z.enum(LABEL_SCOPES),
    name: z.string(),
    colour: z.string(),
    description: z.string(),
    settableBy: z.array(z.enum(ROLES)),
    printOnWorkOrder: z.boolean(),
    version: versionView,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Label' });

/** How a label appears on the things it is put on. */
export const labelRef = z
  .object({ id: z.string(), name: z.string(), colour: z.string() })
  .meta({ id: 'LabelRef' });

export const labelIdsInput = z
  .array(z.guid('Must be a valid id.'))
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'Each label once.')
  .describe('Ids of labels of the matching scope');

export type LabelInput = z.infer<typeof labelInput>;
export type LabelPatch = z.infer<typeof labelPatch>;
export type LabelView = z.infer<typeof labelView>;
export type LabelRef = z.infer<typeof labelRef>;
