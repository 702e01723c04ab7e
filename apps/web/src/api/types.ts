/** The shapes the API answers with (see /api/v1/openapi.json). */

export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ROLES = ['technician', 'manager', 'administrator', 'account_manager'] as const;
export type Role = (typeof ROLES)[number];

export type Abilities = {
  viewUsers: boolean;
  manageUsers: boolean;
  grantAccountManager: boolean;
  manageAccount: boolean;
  viewAuditLog: boolean;
  viewCustomers: boolean;
  createCustomers: boolean;
  exportData: boolean;
  viewForecasts: boolean;
  viewReports: boolean;
  manageInventory: boolean;
  importData: boolean;
  manageSettings: boolean;
};

export type SessionStage = 'active' | 'second_factor' | 'enrol_second_factor';

export type Session = {
  stage: SessionStage;
  csrfToken: string;
  expiresAt: string;
  user: {
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    language: Language;
    roles: Role[];
    twoFactorEnabled: boolean;
  };
  account: { id: string; name: string; kind: 'service' | 'connect'; requireTwoFactor: boolean };
  abilities: Abilities;
};

export type PublicConfig = { signup: 'open' | 'closed'; mailMode: 'smtp' | 'outbox' };

export type LinkDetails = {
  email: string | null;
  firstName: string;
  lastName: string;
  accountName: string;
  language: Language;
  expiresAt: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type UserKind = 'person' | 'system';
export type UserStatus = 'active' | 'invited' | 'no_sign_in' | 'deactivated';

export type User = {
  id: string;
  kind: UserKind;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  language: Language;
  roles: Role[];
  status: UserStatus;
  twoFactorEnabled: boolean;
  invitationExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ApiKey = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type NewApiKey = ApiKey & { key: string };

export type Account = {
  id: string;
  name: string;
  kind: 'service' | 'connect';
  enterpriseNumber: string | null;
  requireTwoFactor: boolean;
  createdAt: string;
};

export type LabelRef = { id: string; name: string; colour: string };

export type Customer = {
  id: string;
  name: string;
  internalName: string;
  customerNumber: string | null;
  language: Language;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
  notes: string;
  labels: LabelRef[];
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  abilities: { update: boolean; delete: boolean };
};

export type AuditEvent = {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: string; id: string | null; name: string };
  action: string;
  entity: { type: string | null; id: string | null };
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  hash: string;
};

export type AuditVerification = {
  intact: boolean;
  checkedEvents: number;
  lastSeq: number;
  brokenAtSeq: number | null;
  problem: string | null;
};

export type TwoFactorSetup = { secret: string; otpauthUri: string; qrCodeSvg: string };
export type TwoFactorEnabled = { recoveryCodes: string[]; session: Session | null };
