import { z } from 'zod';
import { ROLES } from '../../context.js';
import { emailAddress, language, line, passwordInput } from '../../http/schema-helpers.js';
import { enterpriseNumberInput } from '../customers/customers.schemas.js';

export const loginBody = z.strictObject({
  // A one-line field: a NUL byte or broken Unicode never reaches the user lookup.
  login: line(254, 1).describe('Email address (the sign-in name)'),
  password: passwordInput().describe('Password, exactly as typed'),
});

export const secondFactorBody = z
  .strictObject({
    code: z.string().max(20).optional().describe('6-digit code from the authenticator app'),
    recoveryCode: z.string().max(40).optional().describe('One of the one-time recovery codes'),
  })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), {
    message: 'Send either code or recoveryCode.',
    path: ['code'],
  });

export const signupBody = z.strictObject({
  companyName: line(200, 1).describe('Company name'),
  enterpriseNumber: enterpriseNumberInput.nullable().optional(),
  firstName: line(100, 1),
  lastName: line(100, 1),
  email: emailAddress(),
  password: passwordInput(),
  language: language().default('nl'),
});

export const emailBody = z.strictObject({ email: emailAddress() });
export const tokenBody = z.strictObject({
  token: z.string().min(10).max(200).describe('The token from the emailed link'),
});
export const setPasswordBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: passwordInput(),
});

export const sessionStage = z.enum(['active', 'second_factor', 'enrol_second_factor']);

export const abilitiesView = z.object({
  viewUsers: z.boolean(),
  manageUsers: z.boolean(),
  grantAccountManager: z.boolean(),
  manageAccount: z.boolean(),
  viewAuditLog: z.boolean(),
  viewCustomers: z.boolean(),
  createCustomers: z.boolean(),
  exportData: z.boolean(),
  viewForecasts: z.boolean(),
  viewReports: z.boolean(),
  manageInventory: z.boolean(),
  importData: z.boolean(),
  manageSettings: z.boolean(),
});

export const sessionView = z
  .object({
    stage: sessionStage.describe('active, or waiting for the second factor / for two-step enrolment'),
    csrfToken: z.string().describe('Send as X-CSRF-Token with every state-changing request'),
    expiresAt: z.string(),
    user: z.object({
      id: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string().nullable(),
      language: z.enum(['nl', 'fr', 'en', 'de']),
      roles: z.array(z.enum(ROLES)),
      twoFactorEnabled: z.boolean(),
    }),
    account: z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['service', 'connect']),
      requireTwoFactor: z.boolean(),
    }),
    abilities: abilitiesView,
  })
  .meta({ id: 'Session' });

export const linkDetailsView = z.object({
  email: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  accountName: z.string(),
  language: z.enum(['nl', 'fr', 'en', 'de']),
  expiresAt: z.string(),
});

export const publicConfigView = z.object({
  signup: z.enum(['open', 'closed']),
  mailMode: z
    .enum(['smtp', 'outbox'])
    .describe('outbox: mails are written to DATA_DIR/outbox instead of sent'),
});
