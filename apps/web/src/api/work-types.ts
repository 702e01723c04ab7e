/** Work orders, inventory, labels, settings, reports, forecasts and imports, as the API answers. */
import type { Language, LabelRef, Role } from './types';

export const WORK_ORDER_STATUSES = ['to_be_executed', 'executed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

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

export type Activity = {
  id: string;
  installationId: string;
  type: ActivityType;
  result: 'no_leak' | 'leak_found' | null;
  refrigerant: string | null;
  quantityKg: number | null;
  cylinderId: string | null;
  details: Record<string, unknown>;
};

export type Signature = {
  role: 'customer' | 'technician';
  signerName: string;
  image: string;
  signedAt?: string;
};

export type WorkOrder = {
  id: string;
  number: number;
  customerId: string;
  customerName: string;
  status: WorkOrderStatus;
  plannedOn: string | null;
  executedOn: string | null;
  executorId: string | null;
  executorName: string | null;
  notes: string;
  installationIds: string[];
  activities: Activity[];
  labels: LabelRef[];
  products: { productId: string; name: string; unit: string; quantity: number }[];
  signatures: Signature[];
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  abilities: { update: boolean; delete: boolean };
};

export const LABEL_SCOPES = ['customer', 'location', 'installation', 'work_order'] as const;
export type LabelScope = (typeof LABEL_SCOPES)[number];

export type Label = {
  id: string;
  scope: LabelScope;
  name: string;
  colour: string;
  description: string;
  settableBy: Role[];
  printOnWorkOrder: boolean;
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Product = {
  id: string;
  name: string;
  sku: string | null;
  unit: string;
  notes: string;
  archived: boolean;
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
};

export type CylinderKind = 'supply' | 'recovery';
export type Cylinder = {
  id: string;
  kind: CylinderKind;
  refrigerant: string | null;
  serialNumber: string;
  capacityKg: number;
  contentKg: number;
  notes: string;
  archived: boolean;
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
};
export type CylinderMovement = {
  id: string;
  deltaKg: number;
  reason: string;
  workOrderId: string | null;
  at: string;
};

export type Certificate = { kind: string; number: string; validUntil: string | null };
export type NoteTemplate = { id?: string; language: Language; name: string; body: string };
export type EmailTemplate = { id?: string; language: Language; name: string; subject: string; body: string };

export type Settings = {
  companyName: string;
  street: string;
  number: string;
  box: string;
  postcode: string;
  city: string;
  country: string;
  phone: string;
  email: string | null;
  website: string;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  certificates: Certificate[];
  bccAddresses: string[];
  noteTemplates: NoteTemplate[];
  emailTemplates: EmailTemplate[];
  documentOptions: { footer: string; showTechnicianCertificate: boolean; showSignatures: boolean };
  defaults: { buildingForecastsEnabled: boolean };
  logo: string | null;
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
  updatedAt: string | null;
};

export type IncompleteInstallation = {
  installationId: string;
  reference: string;
  kind: string | null;
  customerId: string;
  customerName: string;
  locationId: string;
  token: string;
  missing: string[];
};

export type BalanceLine = {
  refrigerant: string;
  addedKg: number;
  recoveredKg: number;
  addedCo2eTonnes: number | null;
  recoveredCo2eTonnes: number | null;
  months: { month: number; addedKg: number; recoveredKg: number }[];
};
export type RefrigerantBalance = { year: number; lines: BalanceLine[] };

export const FORECAST_TYPES = [
  'leak_check',
  'heating_maintenance',
  'heating_audit',
  'leak_repair',
  'leak_retest',
  'energy_inspection',
] as const;
export type ForecastType = (typeof FORECAST_TYPES)[number];
export const FORECAST_VIEWS = ['future', 'all', 'unknown', 'overdue'] as const;
export type ForecastView = (typeof FORECAST_VIEWS)[number];

export type ForecastItem = {
  installationId: string | null;
  buildingId: string | null;
  type: ForecastType;
  status: 'planned' | 'overdue' | 'unknown';
  dueOn: string | null;
  intervalMonths: number | null;
  rule: string | null;
  source: string | null;
  baseDate: string | null;
  baseKind: string | null;
  missing: string[];
  explanation: string;
  customerId: string;
  customerName: string;
  locationId: string;
  reference: string;
};
export type ForecastSummary = {
  overdue: number;
  unknown: number;
  months: { month: string; count: number }[];
};

export const IMPORT_KINDS = ['customers', 'locations', 'installations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportStatus = 'preview' | 'queued' | 'running' | 'finished' | 'failed';
export type RowProblem = { field: string; message: string; code?: string };

export type ImportJob = {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string;
  headers: string[];
  mapping: Record<string, number>;
  fields: string[];
  total: number;
  validRows: number;
  invalidRows: number;
  sample: { row: number; values: Record<string, unknown>; errors: RowProblem[] }[];
  rowErrors: (RowProblem & { row: number })[];
  progress: { processed: number; created: number; updated: number; failed: number; percent: number };
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
};
