/** Locations, buildings, installations and their forecasts, as the API answers (see openapi.json). */
import type { LabelRef } from './types';

export const REGIONS = ['flanders', 'brussels', 'wallonia', 'other'] as const;
export type Region = (typeof REGIONS)[number];

export type Contact = { id?: string; name: string; role: string; email: string | null; phone: string | null };

export type Location = {
  id: string;
  customerId: string;
  customerName: string;
  name: string;
  street: string;
  number: string;
  box: string;
  postcode: string;
  city: string;
  country: string;
  region: Region | null;
  regionDerived: boolean;
  notes: string;
  externalReference: string | null;
  defaultBuildingId: string | null;
  contacts: Contact[];
  labels: LabelRef[];
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  abilities: { update: boolean; delete: boolean };
};

export type ForecastUnknown = { status: 'unknown'; missing: string[] };
export type ForecastDue = {
  status: 'planned' | 'overdue';
  dueOn: string;
  intervalMonths: number;
  intervalDays: number | null;
  rule: string;
  source: string;
  sourceUrl: string | null;
  baseDate: string;
  baseKind: string;
  explanation: string;
  mode: 'automatic' | 'custom';
  legalIntervalMonths: number;
  earliestOn: string | null;
  toleranceUntil: string | null;
  toConfirm: boolean;
};
export type Forecast = null | ForecastUnknown | ForecastDue;

export const INSTALLATION_FORECAST_KEYS = [
  'leakCheck',
  'heatingMaintenance',
  'heatingAudit',
  'leakRepair',
  'leakRetest',
] as const;
export type InstallationForecastKey = (typeof INSTALLATION_FORECAST_KEYS)[number];
export type InstallationForecast = Record<InstallationForecastKey, Forecast>;

export type LeakLoss = { percent: number; sinceDate: string; limitPercent: number | null; exceeded: boolean };

export type Building = {
  id: string;
  locationId: string;
  customerId: string;
  name: string;
  isDefault: boolean;
  forecastEnabled: boolean;
  lastEnergyInspectionOn: string | null;
  installationCount: number;
  comfortCoolingKw: number | null;
  energyInspection: Forecast;
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const INSTALLATION_KINDS = ['refrigeration', 'air_conditioning', 'heat_pump', 'heating'] as const;
export type InstallationKind = (typeof INSTALLATION_KINDS)[number];
export const HEATING_FUELS = ['gas', 'liquid', 'solid', 'other'] as const;
export type HeatingFuel = (typeof HEATING_FUELS)[number];
export const FORECAST_MODES = ['automatic', 'custom', 'none'] as const;
export type ForecastMode = (typeof FORECAST_MODES)[number];

export type Component = {
  id: string;
  kind: string;
  brand: string;
  model: string;
  serialNumber: string;
  notes: string;
};

/** The fields a person edits; the same names on read and write. */
export type InstallationFields = {
  kind: InstallationKind | null;
  reference: string;
  brand: string;
  model: string;
  serialNumber: string;
  refrigerant: string | null;
  chargeKg: number | null;
  hermeticallySealed: boolean | null;
  leakDetectionSystem: boolean | null;
  coolingCapacityKw: number | null;
  comfortCooling: boolean | null;
  heatingFuel: HeatingFuel | null;
  heatingCapacityKw: number | null;
  commissionedOn: string | null;
  forecastStartOn: string | null;
  forecastMode: ForecastMode;
  customIntervalMonths: number | null;
  forecastModeReason: string;
  notes: string;
  externalReference: string | null;
};

export type Installation = InstallationFields & {
  id: string;
  customerId: string;
  customerName: string;
  locationId: string;
  buildingId: string;
  token: string;
  archived: boolean;
  co2eTonnes: number | null;
  forecast: InstallationForecast;
  leakLoss: LeakLoss | null;
  missing: string[];
  components: Component[];
  attachments: Attachment[];
  labels: LabelRef[];
  /** Row version: every change adds one; edit forms send it back (a newer one is a 409). */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  abilities: { update: boolean; delete: boolean; archive: boolean };
};

export type Refrigerant = { name: string; aliases: string[]; class: string; gwp: number | null };

/** A photo or PDF attached to an installation (GET /installations/{id} → attachments). */
export type Attachment = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  createdAt: string;
  createdBy: string | null;
};
