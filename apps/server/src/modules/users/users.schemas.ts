import { z } from 'zod';
import { ROLES } from '../../context.js';
import { emailAddress, language, line, listQuery, passwordInput } from '../../http/schema-helpers.js';

const roles = z
  .array(z.enum(ROLES))
  .max(4)
  .refine((r) => new Set(r).size === r.length, 'Each role once.')
  .describe('Any combination of technician, manager, administrator, account_manager');

export const newUserBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    firstName: line(100, 1),
    lastName: line(100),
    email: emailAddress().nullable().optional(),
    language: language().default('nl'),
    roles: roles.default(['technician']),
    invite: z.boolean().default(false).describe('Send an invitation email now (grants sign-in)'),
  }),
  z.strictObject({
    kind: z.literal('system'),
    name: line(200, 1).describe('Name of the integration, e.g. "Accounting"'),
    language: language().default('en'),
    roles: roles.default(['manager']),
  }),
]);

export const userPatchBody = z.strictObject({
  firstName: line(100, 1).optional(),
  lastName: line(100).optional(),
  name: line(200, 1).optional().describe('System users only'),
  email: emailAddress().nullable().optional(),
  language: language().optional(),
  roles: roles.optional(),
  certificateNumber: line(60).nullable().optional().describe('Personal technician certificate number'),
});

export const userView = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'system']),
    firstName: z.string(),
    lastName: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    language: z.enum(['nl', 'fr', 'en', 'de']),
    roles: z.array(z.enum(ROLES)),
    status: z.enum(['active', 'invited', 'no_sign_in', 'deactivated']),
    twoFactorEnabled: z.boolean(),
    certificateNumber: z.string().nullable().describe('Personal F-gas / technician certificate number'),
    invitationExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });

export const userListQuery = z.strictObject({
  ...listQuery,
  kind: z.enum(['person', 'system']).optional(),
  status: z.enum(['active', 'invited', 'no_sign_in', 'deactivated']).optional(),
  role: z.enum(ROLES).optional(),
  q: line(100).optional().describe('Search in name and email'),
});

export const apiKeyView = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string().describe('The start of the key, to recognise it'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const userKeyParams = z.strictObject({
  id: z.guid('Must be a valid id.'),
  keyId: z.guid('Must be a valid id.'),
});

export const profilePatchBody = z.strictObject({
  firstName: line(100, 1).optional(),
  lastName: line(100).optional(),
  language: language().optional(),
  certificateNumber: line(60).nullable().optional(),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: passwordInput(),
  newPassword: passwordInput(),
});
