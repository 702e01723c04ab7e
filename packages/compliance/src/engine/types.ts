import type { IsoDate } from '../dates.js';
import type { HeatingFuel, InstallationKind, Region, RuleSource } from '../rules/types.js';

export type InstallationRegion = 'flanders' | 'brussels' | 'wallonia' | 'other';
export type ForecastMode = 'automatic' | 'custom' | 'none';
export type Language = 'nl' | 'fr' | 'en' | 'de';

/**
 * An installation as the API holds it (PRODUCT.md §11). Every field may be null or absent: that means
 * "not known yet", and the engine then names it instead of guessing.
 */
export type InstallationInput = {
  id?: string | null;
  reference?: string | null;
  kind?: InstallationKind | null;
  region?: InstallationRegion | null;
  refrigerant?: string | null;
  chargeKg?: number | null;
  hermeticallySealed?: boolean | null;
  leakDetectionSystem?: boolean | null;
  coolingCapacityKw?: number | null;
  comfortCooling?: boolean | null;
  heatingFuel?: HeatingFuel | null;
  heatingCapacityKw?: number | null;
  commissionedOn?: IsoDate | null;
  forecastStartOn?: IsoDate | null;
  createdOn?: IsoDate | null;
  forecastMode?: ForecastMode | null;
  customIntervalMonths?: number | null;
  forecastModeReason?: string | null;
  archived?: boolean | null;
};

export type ActivityType =
  | 'commissioning'
  | 'leak_check'
  | 'leak_repair'
  | 'refrigerant_added'
  | 'refrigerant_recovered'
  | 'maintenance'
  | 'repair'
  | 'heating_maintenance'
  | 'heating_audit'
  | 'energy_inspection'
  | 'decommissioning';

/** An executed activity of the installation's logbook (planned or cancelled work does not count). */
export type Activity = {
  type: ActivityType;
  date: IsoDate;
  result?: 'no_leak' | 'leak_found' | null;
  refrigerant?: string | null;
  quantityKg?: number | null;
};

/** API field names the engine may ask for. */
export type MissingField =
  | 'kind'
  | 'refrigerant'
  | 'chargeKg'
  | 'hermeticallySealed'
  | 'leakDetectionSystem'
  | 'coolingCapacityKw'
  | 'comfortCooling'
  | 'heatingFuel'
  | 'heatingCapacityKw'
  | 'commissionedOn'
  | 'customIntervalMonths';

/** Which date the due date was counted from. */
export type BaseKind =
  'last_check' | 'commissioning' | 'forecast_start' | 'created' | 'leak_found' | 'leak_repair';

export type PlannedForecast = {
  status: 'planned' | 'overdue';
  dueOn: IsoDate;
  /** 0 for deadlines counted in days (see intervalDays). */
  intervalMonths: number;
  rule: string;
  source: RuleSource;
  baseDate: IsoDate;
  baseKind: BaseKind;
  explanation: string;
  /** `custom`: the installation's own interval replaced the legal one (kept in legalIntervalMonths). */
  mode: 'automatic' | 'custom';
  legalIntervalMonths: number;
  /** Set for day-based deadlines (leak repair). */
  intervalDays?: number;
  /** First date on which the action counts (Flanders: a verification check not on the day of the repair). */
  earliestOn?: IsoDate;
  /** Legal tolerance after dueOn (Flemish heating maintenance: 3 months); dueOn itself does not move. */
  toleranceUntil?: IsoDate;
  /** The deciding rule row has confidence U. */
  toConfirm: boolean;
};

export type UnknownForecast = { status: 'unknown'; missing: MissingField[] };

/** null = not required. */
export type Forecast = PlannedForecast | UnknownForecast | null;

export type LeakLoss = {
  /** Rounded to 2 decimals; `exceeded` is decided on the unrounded value. */
  percent: number;
  sinceDate: IsoDate;
  limitPercent: number | null;
  exceeded: boolean;
  rule: string | null;
};

export type InstallationForecast = {
  leakCheck: Forecast;
  heatingMaintenance: Forecast;
  heatingAudit: Forecast;
  leakRepair: Forecast;
  /** The verification leak check after a repair (not in the original API contract: an addition). */
  leakRetest: Forecast;
};

export type InstallationEvaluation = {
  /** The region whose rules were used; `regionAssumed` when the input had none (Flanders fallback). */
  region: Region;
  regionAssumed: boolean;
  co2eTonnes: number | null;
  leakLoss: LeakLoss | null;
  forecast: InstallationForecast;
  forecastMode: ForecastMode;
  /** Why there is no forecast: mode `none` (with the user's reason), archived or decommissioned. */
  forecastDisabled: {
    reason: 'forecast_mode_none' | 'archived' | 'decommissioned';
    note: string | null;
  } | null;
};

export type EvaluationOptions = {
  /** The evaluation date (today); rules and GWPs in force on it decide periodic obligations. */
  today: IsoDate;
  lang?: Language;
};

export type BuildingInput = {
  id?: string | null;
  region?: InstallationRegion | null;
  lastEnergyInspectionOn?: IsoDate | null;
  /** The building's forecast switch; false turns the energy-inspection forecast off. */
  forecastEnabled?: boolean | null;
  createdOn?: IsoDate | null;
};

export type BuildingInstallation = InstallationInput & { activities?: readonly Activity[] };

export type IncompleteInstallation = { id: string | null; reference: string | null; missing: MissingField[] };

export type BuildingEvaluation = {
  region: Region;
  regionAssumed: boolean;
  /** Summed nominal cooling capacity of the comfort installations; null when one is unknown. */
  comfortCoolingKw: number | null;
  energyInspection: Forecast;
  /** True when the building's forecast switch is off (energyInspection is then null). */
  forecastDisabled: boolean;
  /** The installations whose data is missing for the sum, each with the fields to complete. */
  incompleteInstallations: IncompleteInstallation[];
};
